/** One MIME entity, as written on the wire (body not decoded). */
export interface MimePart {
  /** `1`, `1.2`…: IMAP-style part number, used as issue location. */
  readonly path: string
  /** Unfolded header fields, in order. */
  readonly headers: readonly { readonly name: string; readonly value: string }[]
  readonly contentType: { readonly type: string; readonly params: Readonly<Record<string, string>> }
  readonly transferEncoding: string
  readonly body: Buffer
  readonly children: readonly MimePart[]
}

export interface MimeProblem {
  readonly path: string
  readonly message: string
}

const MAX_DEPTH = 16
/** A CR not followed by LF, or an LF not preceded by CR. */
const BARE_CR_OR_LF = /\r(?!\n)|(?<!\r)\n/
const MAX_LINE = 998

/**
 * Splits a message into its MIME tree (RFC 5322 + RFC 2045/2046) and lists structural problems
 * instead of guessing: mailparser is lenient on purpose, a conformance check must not be.
 */
export function parseMimeTree(raw: Buffer): { root: MimePart; problems: MimeProblem[] } {
  const problems: MimeProblem[] = []
  const bare = BARE_CR_OR_LF.exec(raw.toString('latin1'))
  if (bare) problems.push({ path: '1', message: `CR ou LF isolé (octet ${bare.index}) : une ligne se termine par CRLF (RFC 5322 §2.3) ; un saut de ligne nu permet d'injecter un en-tête ou une commande SMTP` })
  const root = parseEntity(raw, '1', 0, problems, true)
  return { root, problems }
}

export function header(part: MimePart, name: string): string | undefined {
  const wanted = name.toLowerCase()
  return part.headers.find((h) => h.name.toLowerCase() === wanted)?.value
}

/** Every leaf part, depth first. */
export function leaves(part: MimePart): MimePart[] {
  return part.children.length === 0 ? [part] : part.children.flatMap(leaves)
}

/** The body with its Content-Transfer-Encoding removed. */
export function decodeBody(part: MimePart): Buffer {
  switch (part.transferEncoding) {
    case 'base64':
      return Buffer.from(part.body.toString('latin1').replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
    case 'quoted-printable': {
      const text = part.body.toString('latin1').replace(/=\r?\n/g, '')
      const bytes: number[] = []
      for (let i = 0; i < text.length; i++) {
        const hex = text.slice(i + 1, i + 3)
        if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
          bytes.push(parseInt(hex, 16))
          i += 2
        } else bytes.push(text.charCodeAt(i))
      }
      return Buffer.from(bytes)
    }
    default:
      return part.body
  }
}

function parseEntity(raw: Buffer, path: string, depth: number, problems: MimeProblem[], top: boolean): MimePart {
  const split = findHeaderEnd(raw)
  if (split === undefined) problems.push({ path, message: top ? 'le message n\'a pas de ligne vide séparant les en-têtes du corps' : 'une partie n\'a pas de ligne vide séparant ses en-têtes de son corps' })
  const headerText = raw.subarray(0, split?.start ?? raw.length).toString('latin1')
  const body = split ? raw.subarray(split.end) : Buffer.alloc(0)
  const headers = parseHeaders(headerText, path, problems)
  for (const line of raw.toString('latin1').split(/\r?\n/)) {
    if (line.length > MAX_LINE) {
      problems.push({ path, message: `une ligne dépasse ${MAX_LINE} caractères (RFC 5322 §2.1.1)` })
      break
    }
  }
  const typeHeader = headers.find((h) => h.name.toLowerCase() === 'content-type')?.value
  const contentType = parseContentType(typeHeader ?? (top ? 'text/plain; charset=us-ascii' : 'text/plain'))
  const transferEncoding = (headers.find((h) => h.name.toLowerCase() === 'content-transfer-encoding')?.value ?? '7bit').trim().toLowerCase()
  const children: MimePart[] = []
  if (contentType.type.startsWith('multipart/')) {
    const boundary = contentType.params['boundary']
    if (!boundary) problems.push({ path, message: `${contentType.type} sans paramètre boundary` })
    else if (depth >= MAX_DEPTH) problems.push({ path, message: `imbrication MIME au-delà de ${MAX_DEPTH} niveaux` })
    else splitMultipart(body, boundary, path, problems).forEach((chunk, i) => children.push(parseEntity(chunk, path === '1' && top ? String(i + 1) : `${path}.${i + 1}`, depth + 1, problems, false)))
  }
  return { path, headers, contentType, transferEncoding, body, children }
}

function findHeaderEnd(raw: Buffer): { start: number; end: number } | undefined {
  if (raw.length >= 2 && raw[0] === 0x0d && raw[1] === 0x0a) return { start: 0, end: 2 }
  if (raw.length >= 1 && raw[0] === 0x0a) return { start: 0, end: 1 }
  const crlf = raw.indexOf('\r\n\r\n')
  const lf = raw.indexOf('\n\n')
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { start: crlf, end: crlf + 4 }
  if (lf >= 0) return { start: lf, end: lf + 2 }
  return undefined
}

function parseHeaders(text: string, path: string, problems: MimeProblem[]): { name: string; value: string }[] {
  const headers: { name: string; value: string }[] = []
  for (const line of text.split(/\r?\n/)) {
    if (line === '') continue
    if (/^[ \t]/.test(line)) {
      const last = headers.at(-1)
      if (last) last.value += ` ${line.trim()}`
      else problems.push({ path, message: 'ligne de continuation sans en-tête qui la précède' })
      continue
    }
    const match = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line)
    if (!match) {
      problems.push({ path, message: `ligne d'en-tête invalide : « ${line.slice(0, 60)} »` })
      continue
    }
    headers.push({ name: match[1]!, value: match[2]!.trim() })
  }
  return headers
}

/** `type/subtype; a=b; c="d"` with lower-cased type and parameter names. */
export function parseContentType(value: string): { type: string; params: Record<string, string> } {
  const [type = '', ...rest] = value.split(';')
  const params: Record<string, string> = {}
  for (const piece of rest) {
    const match = /^\s*([^=\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^\s;]*))/.exec(piece)
    if (match?.[1]) params[match[1].toLowerCase()] = match[2] ?? match[3] ?? ''
  }
  return { type: type.trim().toLowerCase(), params }
}

function splitMultipart(body: Buffer, boundary: string, path: string, problems: MimeProblem[]): Buffer[] {
  const text = body.toString('latin1')
  const delimiter = `--${boundary}`
  const lines = text.split(/(?<=\n)/)
  const parts: string[][] = []
  let current: string[] | undefined
  let closed = false
  for (const line of lines) {
    const bare = line.replace(/\r?\n$/, '').trimEnd()
    if (bare === `${delimiter}--`) {
      closed = true
      break
    }
    if (bare === delimiter) {
      current = []
      parts.push(current)
      continue
    }
    current?.push(line)
  }
  if (parts.length === 0) problems.push({ path, message: `le délimiteur « ${delimiter} » annoncé par Content-Type n'apparaît pas dans le corps` })
  else if (!closed) problems.push({ path, message: `la partie multipart n'est pas fermée par « ${delimiter}-- »` })
  // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
  return parts.map((chunk) => Buffer.from(chunk.join('').replace(/\r?\n$/, ''), 'latin1'))
}
