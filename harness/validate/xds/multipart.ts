/** One part of a multipart/related (MTOM) body. */
export interface MimePart {
  readonly headers: Readonly<Record<string, string>>
  /** Content-ID without angle brackets. */
  readonly contentId?: string
  readonly body: Buffer
}

export type MultipartResult = { readonly ok: true; readonly parts: readonly MimePart[]; readonly start?: string; readonly type?: string } | { readonly ok: false; readonly problem: string }

const MAX_PARTS = 200
const CRLF2 = Buffer.from('\r\n\r\n')

/**
 * Splits a multipart/related body (SOAP with MTOM/XOP) into byte-exact parts. Never throws:
 * a malformed body gets a French explanation of what is wrong.
 */
export function parseMultipartRelated(contentType: string, body: Buffer): MultipartResult {
  const params = contentTypeParams(contentType)
  const boundary = params['boundary']
  if (!boundary) return { ok: false, problem: 'le Content-Type multipart/related n\'a pas de paramètre boundary' }
  const delimiter = Buffer.from(`--${boundary}`)
  let position = body.indexOf(delimiter)
  if (position < 0) return { ok: false, problem: `la frontière « --${boundary} » annoncée par le Content-Type n'apparaît pas dans le corps` }
  const parts: MimePart[] = []
  while (true) {
    const afterDelimiter = position + delimiter.length
    if (body.subarray(afterDelimiter, afterDelimiter + 2).toString('latin1') === '--') break // closing delimiter
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), afterDelimiter)
    if (next < 0) return { ok: false, problem: `corps MTOM tronqué : la partie ${parts.length + 1} n'est pas fermée par la frontière « --${boundary} » (délimiteur final « --${boundary}-- » absent)` }
    const raw = body.subarray(skipCrlf(body, afterDelimiter), next)
    const split = raw.indexOf(CRLF2)
    if (split < 0) return { ok: false, problem: `la partie ${parts.length + 1} n'a pas d'en-têtes séparés du contenu par une ligne vide` }
    const headers = parseHeaders(raw.subarray(0, split).toString('latin1'))
    const contentId = headers['content-id']?.replace(/^<|>$/g, '')
    parts.push({ headers, ...(contentId ? { contentId } : {}), body: raw.subarray(split + 4) })
    if (parts.length > MAX_PARTS) return { ok: false, problem: `plus de ${MAX_PARTS} parties MIME : requête refusée` }
    position = next + 2
  }
  if (parts.length === 0) return { ok: false, problem: 'le corps multipart ne contient aucune partie' }
  return { ok: true, parts, ...(params['start'] ? { start: params['start'].replace(/^<|>$/g, '') } : {}), ...(params['type'] ? { type: params['type'] } : {}) }
}

/** Parameters of a Content-Type header, lower-cased names, unquoted values. */
export function contentTypeParams(contentType: string): Record<string, string> {
  const params: Record<string, string> = {}
  const pattern = /;\s*([A-Za-z0-9_-]+)\s*=\s*("([^"]*)"|[^;\s]*)/g
  for (const match of contentType.matchAll(pattern)) params[match[1]!.toLowerCase()] = match[3] ?? match[2] ?? ''
  return params
}

function parseHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of text.split(/\r\n(?![ \t])/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).replace(/\r\n[ \t]+/g, ' ').trim()
  }
  return headers
}

function skipCrlf(body: Buffer, at: number): number {
  return body[at] === 0x0d && body[at + 1] === 0x0a ? at + 2 : at
}
