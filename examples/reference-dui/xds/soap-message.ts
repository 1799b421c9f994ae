import { randomUUID } from 'node:crypto'
import { NS } from './namespaces.ts'

/** A SOAP 1.2 request with WS-Addressing headers and the security header. */
export function soapEnvelope(action: string, to: string, security: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${NS.soap}" xmlns:wsa="${NS.wsa}">
<soap:Header><wsa:Action soap:mustUnderstand="1">${action}</wsa:Action><wsa:MessageID>urn:uuid:${randomUUID()}</wsa:MessageID><wsa:To>${to}</wsa:To>${security}</soap:Header>
<soap:Body>${body}</soap:Body>
</soap:Envelope>`
}

export interface MimeAttachment {
  readonly contentId: string
  readonly contentType: string
  readonly bytes: Buffer
}

/** MTOM/XOP packaging: the envelope as the root part, each attachment as a binary part. */
export function mtomPackage(envelope: string, attachments: readonly MimeAttachment[]): { contentType: string; body: Buffer } {
  const boundary = `MIMEBoundary_${randomUUID().replace(/-/g, '')}`
  const rootId = `root.${randomUUID()}@dui-reference`
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Type: application/xop+xml; charset=UTF-8; type="application/soap+xml"\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${rootId}>\r\n\r\n${envelope}\r\n`),
    ...attachments.flatMap((part) => [Buffer.from(`--${boundary}\r\nContent-Type: ${part.contentType}\r\nContent-Transfer-Encoding: binary\r\nContent-ID: <${part.contentId}>\r\n\r\n`), part.bytes, Buffer.from('\r\n')]),
    Buffer.from(`--${boundary}--\r\n`),
  ])
  return { contentType: `multipart/related; type="application/xop+xml"; boundary="${boundary}"; start="<${rootId}>"; start-info="application/soap+xml"`, body }
}
