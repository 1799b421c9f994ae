import type { Family } from './case.ts'

/**
 * Ways to spoil an XML document, applied to a valid one (a SOAP envelope, a CDA). Each variant
 * says how a parser built on libxml2 with our safe options (DOCTYPE refused, depth bounded, UTF-8
 * checked) must refuse it; the INSi simulator reads SOAP with its own small parser and words
 * its reasons differently (`insiReason`).
 */
export interface XmlAttack {
  readonly variant: string
  readonly family: Family
  spoil(document: string): Buffer
  /** Rule of the safe XML parser (harness/validate/xml) that refuses it. */
  readonly rule: string
  readonly reason: RegExp
  readonly insiReason: RegExp
}

const DOCTYPE_REASON = /déclaration DOCTYPE est présente/
const INSI_DOCTYPE = /déclaration DOCTYPE, interdite en SOAP 1\.2/
const INVALID_BYTES = /octets invalides dans l'encodage déclaré/
const INSI_NOT_UTF8 = /n'est pas encodé en UTF-8 valide/

/** Index just after the root element's start tag (past the prolog). */
function afterRootStart(document: string): number {
  let i = 0
  for (;;) {
    i = document.indexOf('<', i)
    const next = document[i + 1]
    if (next !== '?' && next !== '!') break
    i = document.indexOf('>', i) + 1
  }
  return document.indexOf('>', i) + 1
}

/** Index just after the XML declaration (0 when there is none). */
function afterDeclaration(document: string): number {
  return document.startsWith('<?xml') ? document.indexOf('?>') + 2 : 0
}

function rootName(document: string): string {
  const start = afterRootStart(document)
  const open = document.lastIndexOf('<', start)
  return /^<([\w:.-]+)/.exec(document.slice(open))?.[1] ?? 'r'
}

/** Puts a DOCTYPE after the declaration and, when given, an entity reference in the root element. */
function withDoctype(document: string, subset: (root: string) => string, reference = ''): string {
  const root = rootName(document)
  const at = afterDeclaration(document)
  const withRef = reference ? `${document.slice(0, afterRootStart(document))}${reference}${document.slice(afterRootStart(document))}` : document
  return `${withRef.slice(0, at)}\n${subset(root)}${withRef.slice(at)}`
}

/** Wraps `depth` nested elements around nothing, inside the root element. */
function nested(document: string, depth: number): string {
  const at = afterRootStart(document)
  return `${document.slice(0, at)}${'<n>'.repeat(depth)}${'</n>'.repeat(depth)}${document.slice(at)}`
}

/** Inserts raw bytes at the start of the first text node inside the root element. */
function withBytes(document: string, bytes: Buffer): Buffer {
  const start = afterRootStart(document)
  const text = />[A-Za-z0-9]/.exec(document.slice(start))
  const at = text ? start + text.index + 1 : start
  return Buffer.concat([Buffer.from(document.slice(0, at), 'utf8'), bytes, Buffer.from(document.slice(at), 'utf8')])
}

const lol9 = (root: string) =>
  `<!DOCTYPE ${root} [\n <!ENTITY lol "lol">\n${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`).join('\n')}\n]>\n`

export const XML_ATTACKS: readonly XmlAttack[] = [
  {
    variant: 'xxe-file',
    family: 'xxe',
    spoil: (d) => Buffer.from(withDoctype(d, (root) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n`, '&xxe;')),
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_DOCTYPE,
  },
  {
    variant: 'xxe-network',
    family: 'xxe',
    spoil: (d) => Buffer.from(withDoctype(d, (root) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "http://127.0.0.1:9/exfiltration">]>\n`, '&xxe;')),
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_DOCTYPE,
  },
  {
    variant: 'xxe-parameter-entity',
    family: 'xxe',
    spoil: (d) => Buffer.from(withDoctype(d, (root) => `<!DOCTYPE ${root} [<!ENTITY % p SYSTEM "file:///etc/hostname"> %p;]>\n`)),
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_DOCTYPE,
  },
  {
    variant: 'xxe-external-dtd',
    family: 'xxe',
    spoil: (d) => Buffer.from(withDoctype(d, (root) => `<!DOCTYPE ${root} SYSTEM "http://127.0.0.1:9/evil.dtd">\n`)),
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_DOCTYPE,
  },
  {
    variant: 'xxe-utf16',
    family: 'xxe',
    spoil: (d) => {
      const text = withDoctype(d.replace(/encoding="UTF-8"/i, 'encoding="UTF-16"'), (root) => `<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n`, '&xxe;')
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    },
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_NOT_UTF8,
  },
  {
    variant: 'billion-laughs',
    family: 'billion-laughs',
    spoil: (d) => Buffer.from(withDoctype(d, lol9, '&lol9;')),
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_DOCTYPE,
  },
  {
    variant: 'quadratic-blowup',
    family: 'billion-laughs',
    spoil: (d) => Buffer.from(withDoctype(d, (root) => `<!DOCTYPE ${root} [<!ENTITY big "${'A'.repeat(20_000)}">]>\n`, '&big;'.repeat(5_000))),
    rule: 'xml/doctype-forbidden',
    reason: DOCTYPE_REASON,
    insiReason: INSI_DOCTYPE,
  },
  {
    variant: 'depth-300',
    family: 'deep-nesting',
    spoil: (d) => Buffer.from(nested(d, 300)),
    rule: 'xml/depth-limit',
    reason: /imbrication trop profonde/,
    insiReason: /imbrication|profond|XML illisible/,
  },
  {
    variant: 'depth-20000',
    family: 'deep-nesting',
    spoil: (d) => Buffer.from(nested(d, 20_000)),
    rule: 'xml/depth-limit',
    reason: /imbrication trop profonde/,
    insiReason: /imbrication|profond|XML illisible/,
  },
  {
    variant: 'utf8-invalid-byte',
    family: 'invalid-utf8',
    spoil: (d) => withBytes(d, Buffer.from([0xc3, 0x28])),
    rule: 'xml/well-formed',
    reason: INVALID_BYTES,
    insiReason: INSI_NOT_UTF8,
  },
  {
    variant: 'utf8-overlong',
    family: 'invalid-utf8',
    spoil: (d) => withBytes(d, Buffer.from([0xc0, 0xaf])),
    rule: 'xml/well-formed',
    reason: INVALID_BYTES,
    insiReason: INSI_NOT_UTF8,
  },
  {
    variant: 'utf8-surrogate',
    family: 'invalid-utf8',
    spoil: (d) => withBytes(d, Buffer.from([0xed, 0xa0, 0x80])),
    rule: 'xml/well-formed',
    reason: INVALID_BYTES,
    insiReason: INSI_NOT_UTF8,
  },
  {
    variant: 'latin1-declared-utf8',
    family: 'invalid-utf8',
    spoil: (d) => withBytes(d, Buffer.from('Hélène', 'latin1')),
    rule: 'xml/well-formed',
    reason: INVALID_BYTES,
    insiReason: INSI_NOT_UTF8,
  },
  {
    variant: 'truncated',
    family: 'malformed-xml',
    spoil: (d) => Buffer.from(d.slice(0, Math.floor(d.length * 0.6))),
    rule: 'xml/well-formed',
    reason: /XML mal formé/,
    insiReason: /XML mal formé/,
  },
  {
    variant: 'unclosed-tags',
    family: 'malformed-xml',
    spoil: (d) => Buffer.from(d.replace(/<\/[^>]+>\s*$/, '')),
    rule: 'xml/well-formed',
    reason: /XML mal formé/,
    insiReason: /XML mal formé/,
  },
]
