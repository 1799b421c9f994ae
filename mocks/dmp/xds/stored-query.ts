import { XmlElement } from 'libxml2-wasm'
import { hasBlockingIssues, type Issue } from '../../../harness/core/issue.ts'
import { NS } from '../../../harness/validate/xds/ebrim-constants.ts'
import { isPatientRef, parseInsCx } from '../../../harness/validate/xds/index.ts'
import type { HandlerResult } from '../../http/handler.ts'
import { STATUS, type AvailabilityStatus, type DmpRegistry } from '../registry.ts'
import { extrinsicObject } from './registry-objects.ts'
import { responseStatus, soapResponse } from './soap-response.ts'
import { transportIssue, type SoapRequest } from '../../../harness/validate/xds/soap-request.ts'
import { checkVihf } from '../../../harness/validate/xds/vihf.ts'

export const ITI18_ACTION = 'urn:ihe:iti:2007:RegistryStoredQuery'
const FIND_DOCUMENTS = 'urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d'

/**
 * ITI-18 Registry Stored Query (DMP TD3.1): FindDocuments by $XDSDocumentEntryPatientId and
 * $XDSDocumentEntryStatus, LeafClass results from the shared registry.
 */
export function registryStoredQuery(soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[]): HandlerResult {
  const issues: Issue[] = [...transportIssues]
  const query = soap.body.get('rim:AdhocQuery', { rim: NS.rim }) as XmlElement | null
  const slot = (name: string) => (query?.find(`rim:Slot[@name='${name}']/rim:ValueList/rim:Value`, { rim: NS.rim }) ?? []).map((v) => v.content.trim())
  const patientRaw = slot('$XDSDocumentEntryPatientId')[0]?.replace(/^'|'$/g, '')
  const patient = patientRaw ? parseInsCx(patientRaw) : undefined
  const statuses = slot('$XDSDocumentEntryStatus').flatMap((value) => value.replace(/[()' ]/g, '').split(',')).filter(Boolean) as AvailabilityStatus[]
  const meta: Record<string, unknown> = { transaction: 'ITI-18', ...(isPatientRef(patient) ? { patientIns: `${patient.oid}|${patient.value}` } : {}), statuses }
  if (soap.body.name !== 'AdhocQueryRequest' || !query) issues.push(transportIssue('le corps SOAP doit être un AdhocQueryRequest contenant un AdhocQuery', 'soap:Body'))
  else if (query.attr('id')?.value !== FIND_DOCUMENTS) issues.push(transportIssue(`requête stockée ${query.attr('id')?.value ?? '(sans id)'} non prise en charge par le simulateur (FindDocuments ${FIND_DOCUMENTS})`, 'AdhocQuery/@id'))
  else if (!isPatientRef(patient)) issues.push(transportIssue(`$XDSDocumentEntryPatientId absent ou illisible (« ${patientRaw ?? ''} », attendu '<INS>^^^&<OID>&ISO^NH')`, "AdhocQuery/Slot[@name='$XDSDocumentEntryPatientId']"))
  else if (statuses.length === 0) issues.push(transportIssue('$XDSDocumentEntryStatus est obligatoire pour FindDocuments', "AdhocQuery/Slot[@name='$XDSDocumentEntryStatus']"))
  issues.push(...checkVihf(soap.header, isPatientRef(patient) ? patient.value : undefined).issues)
  meta['issues'] = issues
  if (hasBlockingIssues(issues) || !isPatientRef(patient)) {
    return soapResponse(`${ITI18_ACTION}Response`, soap.messageId, queryResponse(issues, ''), meta)
  }
  const known = new Set<string>(Object.values(STATUS))
  const found = registry.find(patient.value, statuses.filter((s) => known.has(s)))
  meta['found'] = found.map((document) => document.uniqueId)
  return soapResponse(`${ITI18_ACTION}Response`, soap.messageId, queryResponse([], found.map(extrinsicObject).join('\n')), meta)
}

/** AdhocQueryResponse: the registry objects found, or the errors of a refused query. */
function queryResponse(issues: readonly Issue[], objects: string): string {
  const { status, errors } = responseStatus(issues)
  return `<query:AdhocQueryResponse xmlns:query="${NS.query}" xmlns:rs="${NS.rs}" status="${status}">${errors}<rim:RegistryObjectList xmlns:rim="${NS.rim}">${objects}</rim:RegistryObjectList></query:AdhocQueryResponse>`
}
