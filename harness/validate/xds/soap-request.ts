import { XmlElement, type XmlDocument } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import { parseXmlSafely } from '../xml/index.ts'
import { NS } from './ebrim-constants.ts'
import { contentTypeParams, parseMultipartRelated } from './multipart.ts'

const RULE = 'xds/soap-transport'
export const TRANSPORT_REQUIREMENT = 'DMP-008'

export interface SoapRequest {
  /** WS-Addressing Action (or the `action` parameter of the Content-Type). */
  readonly action?: string
  readonly messageId?: string
  /** True when sent as MTOM/XOP (multipart/related, application/xop+xml). */
  readonly mtom: boolean
  readonly doc: XmlDocument
  readonly header?: XmlElement
  /** First element of the SOAP Body. */
  readonly body: XmlElement
  /** MTOM parts by Content-ID. */
  readonly attachments: ReadonlyMap<string, Buffer>
}

export type SoapReadResult = { readonly ok: true; readonly soap: SoapRequest; readonly issues: Issue[] } | { readonly ok: false; readonly issues: Issue[] }

/**
 * Reads a SOAP 1.2 request (its Content-Type and body), plain or MTOM/XOP, and says in French
 * what is wrong with its transport (content type, missing root part, SOAP version, unparsable
 * envelope) instead of a parser stack trace. The caller disposes `soap.doc`.
 */
export function readSoapRequest(contentType: string, requestBody: Buffer): SoapReadResult {
  const mediaType = contentType.split(';')[0]!.trim().toLowerCase()
  const params = contentTypeParams(contentType)
  let envelopeBytes: Buffer
  let attachments = new Map<string, Buffer>()
  let mtom = false
  if (mediaType === 'multipart/related') {
    const parsed = parseMultipartRelated(contentType, requestBody)
    if (!parsed.ok) return failed(parsed.problem)
    if (parsed.type && parsed.type.toLowerCase() !== 'application/xop+xml') return failed(`multipart/related de type « ${parsed.type} » : MTOM/XOP attend type="application/xop+xml"`)
    const root = parsed.start ? parsed.parts.find((part) => part.contentId === parsed.start) : parsed.parts[0]
    if (!root) return failed(`partie racine absente : le paramètre start désigne <${parsed.start}>, aucune partie n'a ce Content-ID (${parsed.parts.map((p) => `<${p.contentId ?? '?'}>`).join(', ')})`)
    if (!/application\/xop\+xml/i.test(root.headers['content-type'] ?? '')) return failed(`la partie racine a le type « ${root.headers['content-type'] ?? '(absent)'} », application/xop+xml est attendu pour l'enveloppe SOAP`)
    envelopeBytes = root.body
    attachments = new Map(parsed.parts.filter((part) => part !== root && part.contentId).map((part) => [part.contentId!, part.body]))
    mtom = true
  } else if (mediaType === 'application/soap+xml') {
    envelopeBytes = requestBody
  } else {
    return failed(`type de contenu « ${mediaType || '(absent)'} » : une requête XDS.b est en SOAP 1.2 (application/soap+xml) ou en MTOM/XOP (multipart/related; type="application/xop+xml")`)
  }
  const parsed = parseXmlSafely(envelopeBytes, { requirement: TRANSPORT_REQUIREMENT, name: 'enveloppe SOAP' })
  if (!parsed.ok) return { ok: false, issues: parsed.issues }
  const envelope = parsed.doc.root
  if (envelope.name !== 'Envelope' || envelope.namespaceUri !== NS.soap) {
    const version = envelope.namespaceUri === 'http://schemas.xmlsoap.org/soap/envelope/' ? ' (c\'est une enveloppe SOAP 1.1)' : ''
    parsed.doc.dispose()
    return failed(`l'élément racine est {${envelope.namespaceUri}}${envelope.name} : une enveloppe SOAP 1.2 est attendue${version}`)
  }
  const body = envelope.get('soap:Body/*[1]', { soap: NS.soap })
  if (!(body instanceof XmlElement)) {
    parsed.doc.dispose()
    return failed('le corps SOAP (soap:Body) est absent ou vide')
  }
  const header = envelope.get('soap:Header', { soap: NS.soap })
  const action = (header?.get('wsa:Action', { wsa: NS.wsa })?.content.trim() || params['action']) ?? undefined
  const messageId = header?.get('wsa:MessageID', { wsa: NS.wsa })?.content.trim()
  return {
    ok: true,
    issues: [],
    soap: {
      ...(action ? { action } : {}),
      ...(messageId ? { messageId } : {}),
      mtom,
      doc: parsed.doc,
      ...(header instanceof XmlElement ? { header } : {}),
      body,
      attachments,
    },
  }
}

export function transportIssue(message: string, path = 'requête HTTP'): Issue {
  return { severity: 'error', code: 'structure', rule: RULE, requirement: TRANSPORT_REQUIREMENT, message, location: { path } }
}

function failed(message: string): SoapReadResult {
  return { ok: false, issues: [transportIssue(message)] }
}
