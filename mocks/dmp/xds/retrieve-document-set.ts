import { randomUUID } from 'node:crypto'
import type { XmlElement } from 'libxml2-wasm'
import { hasBlockingIssues, type Issue } from '../../../harness/core/issue.ts'
import { NS } from '../../../harness/validate/xds/ebrim-constants.ts'
import type { HandlerResult } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { REPOSITORY_UNIQUE_ID } from './registry-objects.ts'
import { escapeXml as xml } from '../../xml-escape.ts'
import { envelope, responseStatus, soapResponse } from './soap-response.ts'
import { transportIssue, type SoapRequest } from '../../../harness/validate/xds/soap-request.ts'
import { checkVihf } from '../../../harness/validate/xds/vihf.ts'

export const ITI43_ACTION = 'urn:ihe:iti:2007:RetrieveDocumentSet'

/**
 * ITI-43 Retrieve Document Set (DMP TD3.2): the documents asked for, as an MTOM/XOP answer
 * whose binary parts are referenced by xop:Include (built by hand: byte-exact).
 */
export function retrieveDocumentSet(soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[]): HandlerResult {
  const issues: Issue[] = [...transportIssues]
  const requests = (soap.body.find('xdsb:DocumentRequest', { xdsb: NS.xdsb }) as XmlElement[]).map((request) => ({
    repository: request.get('xdsb:RepositoryUniqueId', { xdsb: NS.xdsb })?.content.trim(),
    uniqueId: request.get('xdsb:DocumentUniqueId', { xdsb: NS.xdsb })?.content.trim() ?? '',
  }))
  if (soap.body.name !== 'RetrieveDocumentSetRequest' || requests.length === 0) issues.push(transportIssue('le corps SOAP doit être un RetrieveDocumentSetRequest avec au moins un DocumentRequest', 'soap:Body'))
  const documents = requests.map((request) => registry.byUniqueId(request.uniqueId))
  requests.forEach((request, i) => {
    if (request.repository !== REPOSITORY_UNIQUE_ID) issues.push(transportIssue(`RepositoryUniqueId « ${request.repository ?? ''} » inconnu (le dépôt du simulateur est ${REPOSITORY_UNIQUE_ID}, donné par ITI-18)`, `DocumentRequest[${i + 1}]/RepositoryUniqueId`))
    if (!documents[i]) issues.push({ severity: 'error', code: 'not-found', rule: 'xds/retrieve-unknown', requirement: 'DMP-008', message: `aucun document d'identifiant unique ${request.uniqueId}`, location: { path: `DocumentRequest[${i + 1}]/DocumentUniqueId` } })
  })
  const patient = documents.find(Boolean)?.patient
  issues.push(...checkVihf(soap.header, patient?.value).issues)
  const meta = { transaction: 'ITI-43', issues, ...(patient ? { patientIns: `${patient.oid}|${patient.value}` } : {}), retrieved: requests.map((r) => r.uniqueId) }
  const { status, errors } = responseStatus(issues)
  if (hasBlockingIssues(issues)) {
    return soapResponse(`${ITI43_ACTION}Response`, soap.messageId, `<xdsb:RetrieveDocumentSetResponse xmlns:xdsb="${NS.xdsb}"><rs:RegistryResponse xmlns:rs="${NS.rs}" status="${status}">${errors}</rs:RegistryResponse></xdsb:RetrieveDocumentSetResponse>`, meta)
  }
  const parts = documents.map((document) => ({ cid: `${randomUUID()}@dmp.simulateur`, document: document! }))
  const body = `<xdsb:RetrieveDocumentSetResponse xmlns:xdsb="${NS.xdsb}" xmlns:xop="${NS.xop}"><rs:RegistryResponse xmlns:rs="${NS.rs}" status="${status}"/>${parts
    .map(({ cid, document }) => `<xdsb:DocumentResponse><xdsb:RepositoryUniqueId>${REPOSITORY_UNIQUE_ID}</xdsb:RepositoryUniqueId><xdsb:DocumentUniqueId>${xml(document.uniqueId)}</xdsb:DocumentUniqueId><xdsb:mimeType>${xml(document.mimeType)}</xdsb:mimeType><xdsb:Document><xop:Include href="cid:${encodeURIComponent(cid)}"/></xdsb:Document></xdsb:DocumentResponse>`)
    .join('')}</xdsb:RetrieveDocumentSetResponse>`
  const boundary = `MIMEBoundary_${randomUUID()}`
  const rootId = `${randomUUID()}@dmp.simulateur`
  const mime = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${rootId}>\r\n\r\n${envelope(`${ITI43_ACTION}Response`, soap.messageId, body)}\r\n`),
    ...parts.flatMap(({ cid, document }) => [Buffer.from(`--${boundary}\r\nContent-Type: ${document.mimeType}\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${cid}>\r\n\r\n`), document.bytes, Buffer.from('\r\n')]),
    Buffer.from(`--${boundary}--\r\n`),
  ])
  return {
    status: 200,
    headers: { 'content-type': `multipart/related; type="application/xop+xml"; boundary="${boundary}"; start="<${rootId}>"; start-info="application/soap+xml"` },
    body: mime,
    meta,
  }
}
