import { handlerFor, type MockHandler } from '../../http/handler.ts'
import { STATUS, type AvailabilityStatus, type DmpRegistry } from '../registry.ts'
import { toDocumentReference } from './document-reference.ts'
import { fhirError, fhirJson, searchset } from './fhir-response.ts'

const RULE = 'mhd/iti67-parameters'
const BY_FHIR_STATUS: Record<string, AvailabilityStatus[]> = {
  current: [STATUS.approved, STATUS.archived],
  superseded: [STATUS.deprecated],
  'entered-in-error': [STATUS.deleted],
}

/**
 * ITI-67 Find Document References: `patient` or `patient.identifier`, and `status`, are
 * mandatory (PDSm st_recherche_fiche).
 */
export function findDocumentReferences(registry: DmpRegistry, fhirBase: () => string): MockHandler {
  return handlerFor.get('dmp.iti67', '/DocumentReference', (request) => {
    const patient = request.query.get('patient.identifier') ?? request.query.get('patient')
    const status = request.query.get('status')
    const ins = patient ? /^(?:urn:oid:)?([0-9.]+)\|(.+)$/.exec(patient)?.[2] : undefined
    const meta = { transaction: 'ITI-67', ...(ins ? { patientIns: ins } : {}), query: request.url }
    // A refused search names its rule and requirement, so the scenario reports it as found.
    const refuse = (message: string) => fhirError(400, RULE, message, { ...meta, issues: [{ severity: 'error', code: 'required', rule: RULE, requirement: 'DMP-013', message, location: { path: request.url } }] })
    if (!patient || !status) return refuse('recherche ITI-67 : les paramètres patient.identifier (ou patient) et status sont obligatoires')
    if (!ins) return refuse(`recherche ITI-67 : patient.identifier « ${patient} » attendu sous la forme urn:oid:<OID INS>|<matricule>`)
    const unknown = status.split(',').filter((value) => !BY_FHIR_STATUS[value])
    if (unknown.length > 0) return refuse(`recherche ITI-67 : statut inconnu ${unknown.join(', ')} (current, superseded, entered-in-error)`)
    const statuses = status.split(',').flatMap((value) => BY_FHIR_STATUS[value] ?? [])
    const documents = registry.find(ins, statuses).map((document) => toDocumentReference(document, fhirBase()))
    return fhirJson(200, searchset(documents), meta)
  })
}
