import { ParseOption, XmlDocument, XmlLibError } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import { DEFAULT_XML_LIMITS, type XmlLimits } from './limits.ts'

/**
 * Parser options for untrusted input. Deliberately absent: XML_PARSE_NOENT (entity
 * substitution), XML_PARSE_DTDLOAD / DTDATTR / DTDVALID (loading a DTD), XML_PARSE_XINCLUDE
 * and XML_PARSE_HUGE (which lifts the depth and amplification limits).
 */
const SAFE_PARSE_OPTIONS =
  ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES

export interface SafeParseOptions {
  readonly limits?: Partial<XmlLimits>
  /** Requirement id put on the issues (e.g. `DOC-003` for CDA). */
  readonly requirement?: string
  /** File name or URL used in messages only; never used to resolve anything. */
  readonly name?: string
}

export type SafeParseResult =
  | { readonly ok: true; readonly doc: XmlDocument; readonly issues: Issue[] }
  | { readonly ok: false; readonly issues: Issue[] }

/**
 * Parses untrusted XML: refuses oversized input before parsing, refuses any DOCTYPE (so no
 * internal or external entity can be declared), never loads a DTD nor substitutes entities,
 * and keeps libxml2's depth (256) and entity amplification limits. The caller disposes `doc`.
 */
export function parseXmlSafely(input: Buffer | Uint8Array | string, options: SafeParseOptions = {}): SafeParseResult {
  const limits = { ...DEFAULT_XML_LIMITS, ...options.limits }
  const requirement = options.requirement
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength
  if (size > limits.maxBytes) {
    return {
      ok: false,
      issues: [
        fatal('xml/size-limit', 'too-costly', `Document refusé : ${size} octets, au-delà de la limite de ${limits.maxBytes} octets.`, requirement, {
          size,
          limit: limits.maxBytes,
        }),
      ],
    }
  }
  const doctype = findDoctype(input)
  if (doctype !== undefined && !limits.allowDoctype) {
    return {
      ok: false,
      issues: [
        fatal(
          'xml/doctype-forbidden',
          'security',
          'Document refusé : une déclaration DOCTYPE est présente. Les DTD et entités (internes ou externes) sont interdites (protection XXE et « billion laughs »).',
          requirement,
          { line: doctype.line },
          doctype.line,
        ),
      ],
    }
  }
  try {
    const doc =
      typeof input === 'string'
        ? XmlDocument.fromString(input, { option: SAFE_PARSE_OPTIONS })
        : XmlDocument.fromBuffer(input, { option: SAFE_PARSE_OPTIONS })
    return { ok: true, doc, issues: [] }
  } catch (error) {
    return { ok: false, issues: [parseErrorIssue(error, requirement)] }
  }
}

function parseErrorIssue(error: unknown, requirement: string | undefined): Issue {
  const details = error instanceof XmlLibError ? error.details : []
  const first = details[0]
  const message = (first?.message ?? (error instanceof Error ? error.message : String(error))).trim()
  if (/amplification|entity loop|entities/i.test(message)) {
    return fatal('xml/entity-expansion', 'security', `Document refusé : expansion d'entités excessive (${message}).`, requirement, { parser: message }, first?.line)
  }
  if (/Excessive depth/i.test(message)) {
    return fatal('xml/depth-limit', 'too-costly', `Document refusé : imbrication trop profonde (plus de 256 niveaux).`, requirement, { parser: message }, first?.line)
  }
  if (/Invalid bytes in character encoding|not proper UTF-8|Char 0x[0-9A-F]+ out of allowed range/i.test(message)) {
    return fatal('xml/well-formed', 'structure', `Document XML mal formé${first?.line ? ` (ligne ${first.line})` : ''} : octets invalides dans l'encodage déclaré (UTF-8 attendu, « ${message} »).`, requirement, { parser: message, column: first?.col }, first?.line)
  }
  return fatal(
    'xml/well-formed',
    'structure',
    `Document XML mal formé${first?.line ? ` (ligne ${first.line})` : ''} : ${message}`,
    requirement,
    { parser: message, column: first?.col },
    first?.line,
  )
}

function fatal(
  rule: string,
  code: Issue['code'],
  message: string,
  requirement: string | undefined,
  params: Record<string, unknown>,
  line?: number,
): Issue {
  return {
    severity: 'fatal',
    code,
    rule,
    message,
    location: line !== undefined && line > 0 ? { path: '/', line } : { path: '/' },
    ...(requirement !== undefined ? { requirement } : {}),
    params,
  }
}

/**
 * Finds a DOCTYPE in the prolog (before the root element) without decoding the whole input:
 * skips the XML declaration, processing instructions, comments and blanks. UTF-16 input is
 * decoded first; every other supported encoding is ASCII-compatible for this scan.
 */
export function findDoctype(input: Buffer | Uint8Array | string): { line: number } | undefined {
  let text: string
  if (typeof input === 'string') text = input
  else {
    const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength)
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = bytes.toString('utf16le')
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = Buffer.from(bytes).swap16().toString('utf16le')
    else text = bytes.toString('latin1')
  }
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0
  for (;;) {
    while (i < text.length && /\s/.test(text[i] as string)) i++
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2)
      if (end < 0) return undefined
      i = end + 2
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4)
      if (end < 0) return undefined
      i = end + 3
    } else if (text.startsWith('<!DOCTYPE', i) || text.startsWith('<!doctype', i)) {
      return { line: lineAt(text, i) }
    } else {
      return undefined
    }
  }
}

function lineAt(text: string, index: number): number {
  let line = 1
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++
  return line
}
