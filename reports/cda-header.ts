import { XMLParser } from 'fast-xml-parser'

/** One readable header field of a CDA document, French label first. */
export interface CdaField {
  readonly label: string
  readonly value: string
}

/** Largest CDA the viewer parses: evidence is the candidate's data, parsing must stay cheap. */
const MAX_CDA_BYTES = 8 * 1024 * 1024
/** `<?xml` and `<ClinicalDocument` in base64, as found in FHIR `attachment.data` / `Binary.data`. */
const BASE64_CDA = /"data"\s*:\s*"((?:PD94bWwg|PENsaW5pY2FsRG9jdW1lbnQ)[A-Za-z0-9+/=]+)"/g

/** Every CDA document in an evidence text: inline XML, or base64 inside a FHIR JSON body. */
export function findCdaDocuments(text: string): string[] {
  const found: string[] = []
  const inline = text.indexOf('<ClinicalDocument')
  if (inline >= 0) {
    const end = text.indexOf('</ClinicalDocument>', inline)
    if (end > 0) found.push(text.slice(inline, end + '</ClinicalDocument>'.length))
  }
  for (const match of text.matchAll(BASE64_CDA)) {
    const encoded = match[1]!
    if (encoded.length * 0.75 > MAX_CDA_BYTES) continue
    const xml = Buffer.from(encoded, 'base64').toString('utf8')
    if (xml.includes('<ClinicalDocument')) found.push(xml)
  }
  return found
}

type Node = Record<string, unknown>

// Entities stay unexpanded (no DTD processing): the viewer only reads attributes and text.
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (name) => ['id', 'given', 'author', 'recordTarget'].includes(name),
})

/** The header of a CDA as label/value pairs; undefined when the text is not a readable CDA. */
export function readCdaHeader(xml: string): CdaField[] | undefined {
  if (xml.length > MAX_CDA_BYTES) return undefined
  let doc: Node | undefined
  try {
    doc = (parser.parse(xml) as Node)['ClinicalDocument'] as Node | undefined
  } catch {
    return undefined
  }
  if (!doc || typeof doc !== 'object') return undefined
  const fields: CdaField[] = []
  const add = (label: string, value: string | undefined) => {
    if (value && value.trim()) fields.push({ label, value: value.trim() })
  }
  add('Titre', text(doc['title']))
  add('Type de document', coded(doc['code']))
  add('Identifiant', ids(doc['id']))
  add('Date du document', attr(doc['effectiveTime'], 'value'))
  add('Confidentialité', coded(doc['confidentialityCode']))
  add('Langue', attr(doc['languageCode'], 'code'))
  add('Modèles (templateId)', list(doc['templateId']).map((t) => attr(t, 'root')).filter(Boolean).join(', '))
  for (const target of list(doc['recordTarget'])) {
    const role = get(target, 'patientRole')
    add('Usager — identifiants', ids(get(role, 'id')))
    const patient = get(role, 'patient')
    add('Usager — nom', personName(get(patient, 'name')))
    add('Usager — sexe', coded(get(patient, 'administrativeGenderCode')))
    add('Usager — naissance', attr(get(patient, 'birthTime'), 'value'))
  }
  for (const author of list(doc['author'])) {
    const assigned = get(author, 'assignedAuthor')
    add('Auteur', [personName(get(get(assigned, 'assignedPerson'), 'name')), ids(get(assigned, 'id'))].filter(Boolean).join(' — '))
  }
  add('Organisation gardienne', text(get(get(get(doc['custodian'], 'assignedCustodian'), 'representedCustodianOrganization'), 'name')))
  const body = get(doc['component'], 'nonXMLBody')
  if (body) add('Corps', `non structuré (${attr(get(body, 'text'), 'mediaType') ?? 'type inconnu'})`)
  const structured = get(doc['component'], 'structuredBody')
  if (structured) add('Corps', `structuré, ${list(get(structured, 'component')).length} section(s)`)
  return fields.length > 0 ? fields : undefined
}

function get(node: unknown, key: string): unknown {
  const value = Array.isArray(node) ? node[0] : node
  return value && typeof value === 'object' ? (value as Node)[key] : undefined
}

function list(node: unknown): unknown[] {
  return node === undefined ? [] : Array.isArray(node) ? node : [node]
}

function attr(node: unknown, name: string): string | undefined {
  const value = get(node, `@${name}`)
  return typeof value === 'string' ? value : undefined
}

function text(node: unknown): string | undefined {
  if (typeof node === 'string') return node
  const inner = get(node, '#text')
  return typeof inner === 'string' ? inner : undefined
}

function coded(node: unknown): string | undefined {
  const code = attr(node, 'code')
  if (!code) return undefined
  const display = attr(node, 'displayName')
  return display ? `${display} (${code})` : code
}

function ids(node: unknown): string {
  return list(node)
    .map((id) => [attr(id, 'extension'), attr(id, 'root')].filter(Boolean).join(' @ '))
    .filter(Boolean)
    .join(', ')
}

function personName(node: unknown): string {
  const given = list(get(node, 'given')).map(text).filter(Boolean).join(' ')
  const family = list(get(node, 'family')).map(text).filter(Boolean).join(' ')
  return [given, family].filter(Boolean).join(' ')
}
