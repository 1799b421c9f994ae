import { handlerFor, type MockHandler } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { fhirError, fhirJson, searchset } from './fhir-response.ts'

/**
 * TD0.2 (PDSm4DMP draft): `GET [base]/Patient?identifier=urn:oid:<OID INS>|<INS>` — no entry
 * when the patient has no DMP, `Patient.active=false` when it is closed.
 */
export function searchPatient(registry: DmpRegistry): MockHandler {
  return handlerFor.get('dmp.td02', '/Patient', (request) => {
    const identifier = request.query.get('identifier')
    const match = identifier ? /^urn:oid:([0-9.]+)\|(.+)$/.exec(identifier) : null
    if (!match?.[1] || !match[2]) return fhirError(400, 'pdsm/td02-parameters', 'TD0.2 : paramètre identifier attendu sous la forme urn:oid:<OID INS>|<matricule>', { transaction: 'TD0.2' })
    const [, oid, value] = match
    const state = registry.dmpState(value)
    const meta = { transaction: 'TD0.2', patientIns: value, dmpState: state }
    if (state === 'absent') return fhirJson(200, searchset([]), meta)
    const patient = { resourceType: 'Patient', id: value, identifier: [{ system: `urn:oid:${oid}`, value }], active: state === 'active' }
    return fhirJson(200, searchset([patient]), meta)
  })
}
