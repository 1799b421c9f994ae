import { XMLParser, XMLValidator } from 'fast-xml-parser'

/** A namespace-resolved XML element: enough to read a SOAP message without a DOM. */
export interface XmlElement {
  /** Namespace URI, '' when none. */
  readonly ns: string
  readonly local: string
  /** Attributes by their name as written (prefix kept). */
  readonly attributes: Readonly<Record<string, string>>
  readonly children: readonly XmlElement[]
  /** Concatenated text content directly under the element, trimmed. */
  readonly text: string
}

export type XmlParseResult = { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly reason: string }

/** SOAP messages are small; deeper nesting is an attack or a bug. */
const MAX_DEPTH = 40

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // SOAP forbids a DTD (we refuse it before parsing); predefined entities only.
  processEntities: true,
  maxNestedTags: MAX_DEPTH,
})

/**
 * Parses an XML text into namespace-resolved elements. Refuses a DOCTYPE (SOAP 1.2 forbids
 * it, and it is the door to entity expansion) and reports ill-formed XML in French.
 */
export function parseXml(text: string): XmlParseResult {
  if (/<!DOCTYPE/i.test(text)) return { ok: false, reason: 'le message contient une déclaration DOCTYPE, interdite en SOAP 1.2' }
  const valid = XMLValidator.validate(text)
  if (valid !== true) return { ok: false, reason: `XML mal formé (ligne ${valid.err.line}, colonne ${valid.err.col}) : ${valid.err.msg}` }
  let nodes: unknown
  try {
    nodes = parser.parse(text)
  } catch (error) {
    return { ok: false, reason: `XML illisible : ${error instanceof Error ? error.message : String(error)}` }
  }
  const roots = toElements(nodes, new Map([['xml', 'http://www.w3.org/XML/1998/namespace']]))
  const root = roots[0]
  if (!root) return { ok: false, reason: 'le message ne contient aucun élément XML' }
  return { ok: true, root }
}

function toElements(nodes: unknown, scope: ReadonlyMap<string, string>): XmlElement[] {
  if (!Array.isArray(nodes)) return []
  const elements: XmlElement[] = []
  for (const node of nodes as Record<string, unknown>[]) {
    const name = Object.keys(node).find((key) => key !== ':@' && key !== '#text' && !key.startsWith('?'))
    if (!name) continue
    const attributes = (node[':@'] ?? {}) as Record<string, string>
    const inner = new Map(scope)
    for (const [attribute, value] of Object.entries(attributes)) {
      if (attribute === 'xmlns') inner.set('', value)
      else if (attribute.startsWith('xmlns:')) inner.set(attribute.slice(6), value)
    }
    const colon = name.indexOf(':')
    const prefix = colon >= 0 ? name.slice(0, colon) : ''
    const content = (node[name] ?? []) as Record<string, unknown>[]
    const text = content
      .filter((child) => '#text' in child)
      .map((child) => String(child['#text']))
      .join('')
      .trim()
    elements.push({ ns: inner.get(prefix) ?? '', local: colon >= 0 ? name.slice(colon + 1) : name, attributes, children: toElements(content, inner), text })
  }
  return elements
}

/** The first child element with this namespace and local name. */
export function child(element: XmlElement | undefined, ns: string, local: string): XmlElement | undefined {
  return element?.children.find((candidate) => candidate.ns === ns && candidate.local === local)
}

/** Follows a path of local names within one namespace; undefined when a step is missing. */
export function path(element: XmlElement | undefined, ns: string, ...locals: string[]): XmlElement | undefined {
  let current = element
  for (const local of locals) current = child(current, ns, local)
  return current
}
