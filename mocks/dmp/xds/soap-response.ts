import { randomUUID } from 'node:crypto'
import type { Issue } from '../../../harness/core/issue.ts'
import { NS } from '../../../harness/validate/xds/ebrim-constants.ts'
import type { HandlerResult } from '../../http/handler.ts'
import { escapeXml as xml } from '../../xml-escape.ts'

const SOAP_XML = 'application/soap+xml; charset=utf-8'

/** A SOAP 1.2 envelope with the WS-Addressing response headers. */
export function envelope(action: string, relatesTo: string | undefined, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${NS.soap}" xmlns:wsa="${NS.wsa}">
  <soap:Header>
    <wsa:Action soap:mustUnderstand="1">${xml(action)}</wsa:Action>
    <wsa:MessageID>urn:uuid:${randomUUID()}</wsa:MessageID>${relatesTo ? `\n    <wsa:RelatesTo>${xml(relatesTo)}</wsa:RelatesTo>` : ''}
  </soap:Header>
  <soap:Body>${body}</soap:Body>
</soap:Envelope>`
}

export function soapResponse(action: string, relatesTo: string | undefined, body: string, meta: Record<string, unknown>): HandlerResult {
  return { status: 200, headers: { 'content-type': `${SOAP_XML}; action="${action}"` }, body: envelope(action, relatesTo, body), meta }
}

const SUCCESS = 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Success'
const FAILURE = 'urn:oasis:names:tc:ebxml-regrep:ResponseStatusType:Failure'

/** Success when no issue is blocking; else Failure with one RegistryError per blocking issue. */
export function responseStatus(issues: readonly Issue[]): { status: string; errors: string } {
  const errors = issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')
  if (errors.length === 0) return { status: SUCCESS, errors: '' }
  const list = errors
    .map((issue) => `<rs:RegistryError errorCode="${issue.rule.startsWith('xds/size-hash') ? 'XDSRepositoryMetadataError' : 'XDSRegistryMetadataError'}" codeContext="${xml(`[${issue.rule}] ${issue.message}`)}" location="${xml(issue.location?.path ?? '')}" severity="urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error"/>`)
    .join('\n      ')
  return { status: FAILURE, errors: `<rs:RegistryErrorList>\n      ${list}\n    </rs:RegistryErrorList>` }
}

/** An ebRIM RegistryResponse for the issues found. */
export function registryResponse(issues: readonly Issue[]): string {
  const { status, errors } = responseStatus(issues)
  return `<rs:RegistryResponse xmlns:rs="${NS.rs}" status="${status}">${errors}</rs:RegistryResponse>`
}

/** SOAP 1.2 Fault (Sender: the request is wrong; Receiver: the DMP failed), reason in French. */
export function soapFault(code: 'Sender' | 'Receiver', reason: string, meta: Record<string, unknown>, subcode?: string): HandlerResult {
  const body = `<soap:Fault>
      <soap:Code><soap:Value>soap:${code}</soap:Value>${subcode ? `<soap:Subcode><soap:Value>${xml(subcode)}</soap:Value></soap:Subcode>` : ''}</soap:Code>
      <soap:Reason><soap:Text xml:lang="fr">${xml(reason)}</soap:Text></soap:Reason>
    </soap:Fault>`
  return { status: code === 'Sender' ? 400 : 500, headers: { 'content-type': SOAP_XML }, body: envelope('http://www.w3.org/2005/08/addressing/soap/fault', undefined, body), meta }
}
