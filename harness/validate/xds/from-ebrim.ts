import type { XmlElement } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import { parseInsCx } from './cx.ts'
import { DOCUMENT_ENTRY_OBJECT_TYPE, DOCUMENT_ENTRY_SCHEME, NS, SUBMISSION_SET_SCHEME } from './ebrim-constants.ts'
import type { Code, DocumentEntry, Located, Submission, SubmissionSet } from './model.ts'

export interface EbrimSubmission {
  readonly submission: Submission
  /** Structure problems found while reading (missing objects, broken references...). */
  readonly issues: readonly Issue[]
  /** entryUUID of the document each entry replaces (RPLC association), by entry id. */
  readonly replacements: ReadonlyMap<string, string>
}

/**
 * Maps an ebRIM `RegistryObjectList` (ITI-41, XDM METADATA.XML) onto the shared XDS metadata
 * model. `documents` holds the bytes of each document by ExtrinsicObject id, when the
 * transport carries them.
 */
export function submissionFromEbrim(registryObjectList: XmlElement, documents: ReadonlyMap<string, Buffer>, requirement: string): EbrimSubmission {
  const issues: Issue[] = []
  const structure = (message: string, path: string) => issues.push({ severity: 'error', code: 'structure', rule: 'xds/ebrim-structure', requirement, message, location: { path } })
  const extrinsic = elements(registryObjectList, 'rim:ExtrinsicObject')
  const packages = elements(registryObjectList, 'rim:RegistryPackage')
  const associations = elements(registryObjectList, 'rim:Association')
  const classifications = elements(registryObjectList, 'rim:Classification')
  const setIds = new Set(classifications.filter((c) => attr(c, 'classificationNode') === SUBMISSION_SET_SCHEME.node).map((c) => attr(c, 'classifiedObject')))
  for (const pkg of packages) {
    if (elements(pkg, 'rim:Classification').some((c) => attr(c, 'classificationNode') === SUBMISSION_SET_SCHEME.node)) setIds.add(attr(pkg, 'id'))
  }

  const entries = extrinsic.map((object, i) => documentEntry(object, i, documents))
  const sets = packages.filter((pkg) => setIds.has(attr(pkg, 'id'))).map(submissionSet)
  if (sets.length !== 1) structure(`le lot contient ${sets.length} RegistryPackage classé comme lot de soumission (SubmissionSet), exactement un est attendu`, 'RegistryObjectList')
  if (entries.length === 0) structure('le lot ne contient aucune fiche (ExtrinsicObject)', 'RegistryObjectList')
  for (const object of extrinsic) {
    const id = attr(object, 'id') ?? '?'
    if (attr(object, 'objectType') !== DOCUMENT_ENTRY_OBJECT_TYPE) structure(`objectType de la fiche ${id} : « ${attr(object, 'objectType') ?? '(absent)'} », attendu ${DOCUMENT_ENTRY_OBJECT_TYPE} (stable)`, `ExtrinsicObject[@id='${id}']/@objectType`)
    const member = associations.some((a) => attr(a, 'associationType')?.endsWith(':HasMember') && setIds.has(attr(a, 'sourceObject')) && attr(a, 'targetObject') === id)
    if (!member) structure(`la fiche ${id} n'est rattachée au lot par aucune association HasMember`, `ExtrinsicObject[@id='${id}']`)
    if (documents.size > 0 && !documents.has(id)) structure(`aucun élément Document ne porte le contenu de la fiche ${id}`, `Document[@id='${id}']`)
  }
  const replacements = new Map<string, string>()
  for (const association of associations) {
    if (attr(association, 'associationType')?.endsWith(':RPLC')) replacements.set(attr(association, 'sourceObject') ?? '', attr(association, 'targetObject') ?? '')
  }
  return { submission: { transport: 'ebrim', submissionSets: sets, entries }, issues, replacements }
}

function documentEntry(object: XmlElement, index: number, documents: ReadonlyMap<string, Buffer>): DocumentEntry {
  const id = attr(object, 'id') ?? `#${index + 1}`
  const base = `ExtrinsicObject[@id='${id}']`
  const hash = slot(object, 'hash')
  const size = slot(object, 'size')
  const document = documents.get(id)
  return {
    label: `fiche ${id}`,
    path: base,
    entryUuid: id,
    uniqueId: externalIdentifier(object, DOCUMENT_ENTRY_SCHEME.uniqueId, base, 'uniqueId'),
    patientId: located(externalIdentifier(object, DOCUMENT_ENTRY_SCHEME.patientId, base, 'patientId'), (raw) => parseInsCx(raw)),
    typeCode: classification(object, DOCUMENT_ENTRY_SCHEME.typeCode, base, 'typeCode'),
    classCode: classification(object, DOCUMENT_ENTRY_SCHEME.classCode, base, 'classCode'),
    formatCode: classification(object, DOCUMENT_ENTRY_SCHEME.formatCode, base, 'formatCode'),
    confidentialityCodes: {
      value: classifications(object, DOCUMENT_ENTRY_SCHEME.confidentialityCode),
      path: `${base}/Classification[confidentialityCode]`,
    },
    healthcareFacilityTypeCode: classification(object, DOCUMENT_ENTRY_SCHEME.healthcareFacilityTypeCode, base, 'healthcareFacilityTypeCode'),
    practiceSettingCode: classification(object, DOCUMENT_ENTRY_SCHEME.practiceSettingCode, base, 'practiceSettingCode'),
    mimeType: { value: attr(object, 'mimeType'), path: `${base}/@mimeType` },
    size: { value: size === undefined ? undefined : /^\d+$/.test(size) ? Number(size) : size, path: `${base}/Slot[@name='size']` },
    hash: { value: hash === undefined ? undefined : { raw: hash, ...(/^[0-9a-fA-F]{40}$/.test(hash) ? { hex: hash.toLowerCase() } : {}) }, path: `${base}/Slot[@name='hash']` },
    ...(document ? { document } : {}),
  }
}

function submissionSet(pkg: XmlElement): SubmissionSet {
  const id = attr(pkg, 'id') ?? '?'
  const base = `RegistryPackage[@id='${id}']`
  return {
    label: `lot de soumission ${id}`,
    path: base,
    uniqueId: externalIdentifier(pkg, SUBMISSION_SET_SCHEME.uniqueId, base, 'uniqueId'),
    sourceId: externalIdentifier(pkg, SUBMISSION_SET_SCHEME.sourceId, base, 'sourceId'),
    patientId: located(externalIdentifier(pkg, SUBMISSION_SET_SCHEME.patientId, base, 'patientId'), (raw) => parseInsCx(raw)),
    contentTypeCode: classification(pkg, SUBMISSION_SET_SCHEME.contentTypeCode, base, 'contentTypeCode'),
  }
}

function located<T, U>(at: Located<T | undefined>, map: (value: T) => U): Located<U | undefined> {
  return { value: at.value === undefined ? undefined : map(at.value), path: at.path }
}

function externalIdentifier(owner: XmlElement, scheme: string, base: string, name: string): Located<string | undefined> {
  const found = elements(owner, 'rim:ExternalIdentifier').find((e) => attr(e, 'identificationScheme') === scheme)
  return { value: found ? attr(found, 'value') : undefined, path: `${base}/ExternalIdentifier[${name}]/@value` }
}

function classification(owner: XmlElement, scheme: string, base: string, name: string): Located<Code | undefined> {
  return { value: classifications(owner, scheme)[0], path: `${base}/Classification[${name}]` }
}

function classifications(owner: XmlElement, scheme: string): Code[] {
  return elements(owner, 'rim:Classification')
    .filter((c) => attr(c, 'classificationScheme') === scheme)
    .map((c) => {
      const display = c.get('rim:Name/rim:LocalizedString/@value', { rim: NS.rim })?.content
      const codingScheme = slot(c, 'codingScheme')
      return { code: attr(c, 'nodeRepresentation') ?? '', ...(codingScheme ? { scheme: codingScheme } : {}), ...(display ? { display } : {}) }
    })
}

/** First value of a named Slot. */
export function slot(owner: XmlElement, name: string): string | undefined {
  return owner.get(`rim:Slot[@name='${name}']/rim:ValueList/rim:Value`, { rim: NS.rim })?.content.trim()
}

function elements(owner: XmlElement, xpath: string): XmlElement[] {
  return owner.find(xpath, { rim: NS.rim }) as XmlElement[]
}

function attr(element: XmlElement, name: string): string | undefined {
  return element.attr(name)?.value
}
