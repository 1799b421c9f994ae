import { XmlElement } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import type { CdaValidationOptions } from '../cda/index.ts'
import { NS } from './ebrim-constants.ts'
import { submissionFromEbrim, type EbrimSubmission } from './from-ebrim.ts'
import { isPatientRef, type PatientRef } from './model.ts'
import { checkRplcAssociation } from './replacement.ts'
import { validateSubmissionWithDocuments } from './index.ts'
import { transportIssue, TRANSPORT_REQUIREMENT, type SoapRequest } from './soap-request.ts'
import { checkVihf } from './vihf.ts'

export const ITI41_ACTION = 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b'

export interface Iti41Options {
  readonly cda?: CdaValidationOptions
  /**
   * The uniqueId of the document an RPLC association replaces, from its entryUUID (the DMP's
   * registry). Absent offline: the replacement is then not checked against a registry.
   */
  readonly replacedUniqueId?: (entryUuid: string) => string | undefined
}

/** What an ITI-41 request says and what is wrong with it; `ebrim` is absent when no metadata could be read. */
export interface Iti41Judgement {
  readonly issues: readonly Issue[]
  readonly ebrim?: EbrimSubmission
  readonly patient?: PatientRef
}

/**
 * Judges an ITI-41 Provide and Register Document Set-b (DMP TD2.1 over SOAP): MTOM/XOP
 * transport, documents resolved from xop:Include, ebRIM metadata through the shared rules
 * (and each CDA through the CDA validator), RPLC replacements, VIHF in the header. Shared by
 * the DMP simulator and `dui-harness validate --type xds-request`.
 */
export async function judgeIti41(soap: SoapRequest, options: Iti41Options = {}): Promise<Iti41Judgement> {
  const issues: Issue[] = []
  if (!soap.mtom) issues.push(transportIssue('ITI-41 doit être envoyé en MTOM/XOP (multipart/related; type="application/xop+xml") : les documents voyagent en pièces binaires référencées par xop:Include'))
  if (soap.body.name !== 'ProvideAndRegisterDocumentSetRequest' || soap.body.namespaceUri !== NS.xdsb) {
    issues.push(transportIssue(`le corps SOAP est {${soap.body.namespaceUri}}${soap.body.name}, ProvideAndRegisterDocumentSetRequest (urn:ihe:iti:xds-b:2007) est attendu pour l'action ${ITI41_ACTION}`, 'soap:Body'))
    return { issues }
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
    return { issues }
  }
  const ebrim = submissionFromEbrim(list, documents, TRANSPORT_REQUIREMENT)
  const judged = await validateSubmissionWithDocuments(ebrim.submission, options.cda ?? {})
  issues.push(...ebrim.issues, ...judged.issues)
  const replaced = options.replacedUniqueId
  for (const entry of ebrim.submission.entries) {
    const target = ebrim.replacements.get(entry.entryUuid ?? '')
    if (target && replaced) issues.push(...checkRplcAssociation(entry, target, replaced(target.replace(/^urn:uuid:/, '')), judged.headers.get(entry)))
  }
  const patient = [...ebrim.submission.submissionSets, ...ebrim.submission.entries].map((holder) => holder.patientId?.value).find(isPatientRef)
  issues.push(...checkVihf(soap.header, patient?.value).issues)
  return { issues, ebrim, ...(patient ? { patient } : {}) }
}
