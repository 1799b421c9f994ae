import type { XmlElement } from 'libxml2-wasm'
import { hasBlockingIssues, type Issue } from '../../../harness/core/issue.ts'
import { ASSOCIATION, NS } from '../../../harness/validate/xds/ebrim-constants.ts'
import { slot } from '../../../harness/validate/xds/from-ebrim.ts'
import type { HandlerResult } from '../../http/handler.ts'
import { STATUS, type AvailabilityStatus, type DmpRegistry } from '../registry.ts'
import { registryResponse, soapResponse } from './soap-response.ts'
import { transportIssue, type SoapRequest } from '../../../harness/validate/xds/soap-request.ts'
import { checkVihf } from '../../../harness/validate/xds/vihf.ts'

export const ITI57_ACTION = 'urn:ihe:iti:2010:UpdateDocumentSet'
const ALLOWED: ReadonlySet<string> = new Set(Object.values(STATUS))

/**
 * ITI-57 Update Document Set (DMP TD3.3): availability changes through UpdateAvailabilityStatus
 * associations (archive, unarchive, delete); OriginalStatus must match the registry.
 */
export function updateDocumentSet(soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[]): HandlerResult {
  const issues: Issue[] = [...transportIssues]
  const associations = soap.body.find(`rim:RegistryObjectList/rim:Association[@associationType='${ASSOCIATION.updateAvailabilityStatus}']`, { rim: NS.rim }) as XmlElement[]
  if (soap.body.name !== 'SubmitObjectsRequest' || associations.length === 0) issues.push(transportIssue('ITI-57 : SubmitObjectsRequest avec au moins une association UpdateAvailabilityStatus attendu', 'soap:Body'))
  const changes = associations.map((association, i) => {
    const target = (association.attr('targetObject')?.value ?? '').replace(/^urn:uuid:/, '')
    const document = registry.byEntryUuid(target)
    const original = slot(association, 'OriginalStatus')
    const next = slot(association, 'NewStatus') as AvailabilityStatus | undefined
    const path = `Association[${i + 1}]`
    if (!document) issues.push({ severity: 'error', code: 'not-found', rule: 'xds/update-target', requirement: 'DMP-008', message: `aucune fiche d'entryUUID ${target} (l'entryUUID change à chaque mise à jour : le relire par ITI-18)`, location: { path: `${path}/@targetObject` } })
    else if (original !== document.status) issues.push({ severity: 'error', code: 'invariant', rule: 'xds/update-target', requirement: 'DMP-008', message: `OriginalStatus « ${original ?? ''} » ne correspond pas au statut enregistré ${document.status}`, location: { path: `${path}/Slot[@name='OriginalStatus']` } })
    if (!next || !ALLOWED.has(next)) issues.push(transportIssue(`NewStatus « ${next ?? ''} » inconnu (${[...ALLOWED].join(', ')})`, `${path}/Slot[@name='NewStatus']`))
    return { document, next }
  })
  const patient = changes.find((change) => change.document)?.document?.patient
  issues.push(...checkVihf(soap.header, patient?.value).issues)
  const meta: Record<string, unknown> = { transaction: 'ITI-57', issues, ...(patient ? { patientIns: `${patient.oid}|${patient.value}` } : {}) }
  if (!hasBlockingIssues(issues)) {
    meta['updated'] = changes.map(({ document, next }) => {
      registry.update(document!, { status: next! })
      return { uniqueId: document!.uniqueId, status: next }
    })
  }
  return soapResponse(`${ITI57_ACTION}Response`, soap.messageId, registryResponse(issues), meta)
}
