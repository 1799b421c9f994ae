import { XmlAttribute, XmlElement, type XmlNode } from 'libxml2-wasm'

/** Namespaces shown without a prefix (CDA) or with their conventional prefix in locations. */
const PREFIXES: Readonly<Record<string, string>> = {
  'urn:hl7-org:v3': '',
  'urn:hl7-org:sdtc': 'sdtc:',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi:',
  'http://www.w3.org/2003/05/soap-envelope': 'soap:',
  'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0': 'rim:',
}

/**
 * XPath of a node as shown in issues: `/ClinicalDocument/recordTarget[1]/patientRole[1]/id[2]`.
 * Elements of the HL7 v3 namespace carry no prefix (documented in docs/validate-cda.md); the
 * position counts siblings with the same name and namespace.
 */
export function xpathOf(node: XmlNode): string {
  if (node instanceof XmlAttribute) {
    const owner = node.parent
    const name = node.namespaceUri ? `${PREFIXES[node.namespaceUri] ?? `${node.prefix}:`}${node.name}` : node.name
    return `${owner ? xpathOf(owner) : ''}/@${name}`
  }
  if (!(node instanceof XmlElement)) return node.parent ? xpathOf(node.parent) : '/'
  const steps: string[] = []
  let current: XmlElement | null = node
  while (current) {
    const parent: XmlElement | null = current.parent
    const name = stepName(current)
    if (!parent) {
      steps.push(name)
      break
    }
    steps.push(`${name}[${positionAmongSameName(current)}]`)
    current = parent
  }
  return `/${steps.reverse().join('/')}`
}

function stepName(element: XmlElement): string {
  const ns = element.namespaceUri
  if (!ns) return element.name
  const prefix = PREFIXES[ns]
  if (prefix !== undefined) return `${prefix}${element.name}`
  return element.prefix ? `${element.prefix}:${element.name}` : `*[local-name()='${element.name}']`
}

function positionAmongSameName(element: XmlElement): number {
  let position = 1
  for (let sibling = element.prev; sibling; sibling = sibling.prev) {
    if (sibling instanceof XmlElement && sibling.name === element.name && sibling.namespaceUri === element.namespaceUri) position++
  }
  return position
}
