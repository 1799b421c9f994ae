import { XmlElement } from 'libxml2-wasm'
import { hasBlockingIssues, sortIssues, type Issue } from '../../../harness/core/issue.ts'
import { NS } from '../../../harness/validate/xds/ebrim-constants.ts'
import { submissionFromEbrim, type EbrimSubmission } from '../../../harness/validate/xds/from-ebrim.ts'
import { isPatientRef, validateSubmissionWithDocuments, type PatientRef } from '../../../harness/validate/xds/index.ts'
import { checkRplcAssociation } from '../../../harness/validate/xds/replacement.ts'
import type { HandlerResult } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { registryResponse, soapResponse } from './soap-response.ts'
import { transportIssue, TRANSPORT_REQUIREMENT, type SoapRequest } from './soap-request.ts'
import { checkVihf } from './vihf.ts'

export const ITI41_ACTION = 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b'

/**
 * ITI-41 Provide and Register Document Set-b (DMP TD2.1 over SOAP): MTOM/XOP transport, ebRIM
 * metadata through the shared rules, documents resolved from xop:Include, VIHF in the header.
 * Accepted documents go to the registry; the answer is a RegistryResponse.
 */
export async function provideAndRegister(soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[]): Promise<HandlerResult> {
  const issues: Issue[] = [...transportIssues]
  if (!soap.mtom) issues.push(transportIssue('ITI-41 doit être envoyé en MTOM/XOP (multipart/related; type="application/xop+xml") : les documents voyagent en pièces binaires référencées par xop:Include'))
  if (soap.body.name !== 'ProvideAndRegisterDocumentSetRequest' || soap.body.namespaceUri !== NS.xdsb) {
    issues.push(transportIssue(`le corps SOAP est {${soap.body.namespaceUri}}${soap.body.name}, ProvideAndRegisterDocumentSetRequest (urn:ihe:iti:xds-b:2007) est attendu pour l'action ${ITI41_ACTION}`, 'soap:Body'))
    return answer(issues, registry, undefined, soap)
  }
  const documents = new Map<string, Buffer>()
  for (const document of soap.body.find('xdsb:Document', { xdsb: NS.xdsb }) as XmlElement[]) {
    const id = document.attr('id')?.value ?? '?'
    const include = document.get('xop:Include', { xop: NS.xop }) as XmlElement | null
    if (include) {
      const href = include.attr('href')?.value ?? ''
      const cid = decodeURIComponent(href.replace(/^cid:/, ''))
      const bytes = soap.attachments.get(cid)
      if (bytes) documents.set(id, bytes)
      else issues.push(transportIssue(`xop:Include du document ${id} pointe vers « ${href} » : aucune partie MIME n'a le Content-ID <${cid}> (parties présentes : ${[...soap.attachments.keys()].map((k) => `<${k}>`).join(', ') || 'aucune'})`, `Document[@id='${id}']/xop:Include`))
    } else {
      documents.set(id, Buffer.from(document.content.trim(), 'base64'))
    }
  }
  const list = soap.body.get('lcm:SubmitObjectsRequest/rim:RegistryObjectList', { lcm: NS.lcm, rim: NS.rim })
  if (!(list instanceof XmlElement)) {
    issues.push(transportIssue('SubmitObjectsRequest/RegistryObjectList absent : aucune métadonnée ebRIM', 'ProvideAndRegisterDocumentSetRequest'))
    return answer(issues, registry, undefined, soap)
  }
  const ebrim = submissionFromEbrim(list, documents, TRANSPORT_REQUIREMENT)
  const judged = await validateSubmissionWithDocuments(ebrim.submission)
  issues.push(...ebrim.issues, ...judged.issues)
  for (const entry of ebrim.submission.entries) {
    const target = ebrim.replacements.get(entry.entryUuid ?? '')
    if (target) issues.push(...checkRplcAssociation(entry, target, registry.byEntryUuid(target.replace(/^urn:uuid:/, ''))?.uniqueId, judged.headers.get(entry)))
  }
  const patient = [...ebrim.submission.submissionSets, ...ebrim.submission.entries].map((holder) => holder.patientId?.value).find(isPatientRef)
  issues.push(...checkVihf(soap.header, patient?.value).issues)
  return answer(issues, registry, { ebrim, patient }, soap)
}

function answer(issues: Issue[], registry: DmpRegistry, accepted: { ebrim: EbrimSubmission; patient: PatientRef | undefined } | undefined, soap: SoapRequest): HandlerResult {
  const sorted = sortIssues(issues)
  const patient = accepted?.patient
  const meta = { transaction: 'ITI-41', issues: sorted, ...(patient ? { patientIns: `${patient.oid}|${patient.value}` } : {}), accepted: false, stored: [] as string[] }
  if (hasBlockingIssues(sorted) || !accepted || !patient) return soapResponse(`${ITI41_ACTION}Response`, soap.messageId, registryResponse(sorted), meta)
  if (registry.dmpState(patient.value) !== 'active') {
    const refused = [transportIssue(`alimentation refusée : le DMP du patient ${patient.value} est ${registry.dmpState(patient.value) === 'closed' ? 'fermé' : 'inexistant'}`)]
    return soapResponse(`${ITI41_ACTION}Response`, soap.messageId, registryResponse(refused), { ...meta, dmpState: registry.dmpState(patient.value) })
  }
  for (const entry of accepted.ebrim.submission.entries) {
    const uniqueId = entry.uniqueId?.value
    if (!uniqueId || !entry.document) continue
    const replacedEntry = accepted.ebrim.replacements.get(entry.entryUuid ?? '')
    const replaces = replacedEntry ? registry.byEntryUuid(replacedEntry.replace(/^urn:uuid:/, ''))?.uniqueId : undefined
    registry.add({
      uniqueId,
      patient,
      confidentialityCodes: [...(entry.confidentialityCodes?.value ?? [])],
      ...(entry.typeCode?.value ? { typeCode: entry.typeCode.value } : {}),
      ...(entry.classCode?.value ? { classCode: entry.classCode.value } : {}),
      ...(entry.formatCode?.value ? { formatCode: entry.formatCode.value } : {}),
      mimeType: entry.mimeType?.value ?? 'text/xml',
      bytes: entry.document,
      submittedAt: new Date().toISOString(),
      transport: 'ebrim',
      ...(replaces ? { replaces } : {}),
    })
    meta.stored.push(uniqueId)
  }
  return soapResponse(`${ITI41_ACTION}Response`, soap.messageId, registryResponse([]), { ...meta, accepted: true })
}
