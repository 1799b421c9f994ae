import { XmlElement } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import { parseInsCx, type Code, type DocumentEntry, type Located, type Submission, type SubmissionSet } from '../xds/index.ts'
import { parseXmlSafely } from '../xml/index.ts'

const NS = { rim: 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0', lcm: 'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0' }

// IHE ITI TF-3 §4.2.5 identification and classification schemes.
const SCHEME = {
  entryPatientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  entryUniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  formatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  healthcareFacilityTypeCode: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
  practiceSettingCode: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
  setPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
  setUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  setSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
} as const

export interface XdmMetadata {
  readonly submission: Submission
  /** Per document entry (same order), the `URI` slot: the file name next to METADATA.XML. */
  readonly uris: readonly (string | undefined)[]
}

/**
 * Reads METADATA.XML (ebRIM 3.0 SubmitObjectsRequest) into the shared XDS model of
 * `harness/validate/xds`, so the XDM is judged by the same DocumentEntry rules as the DMP side.
 * The one place to switch to the lead's ebRIM adapter once `xds/index.ts` exports one.
 * `documents` resolves a `URI` slot to the bytes found in the archive.
 */
export function readXdmMetadata(xml: Buffer, documents: (uri: string) => Buffer | undefined, path: string): { metadata?: XdmMetadata; issues: Issue[] } {
  const parsed = parseXmlSafely(xml, { requirement: 'MSS-006', name: path })
  if (!parsed.ok) return { issues: parsed.issues }
  const doc = parsed.doc
  try {
    const elements = (xpath: string, from: XmlElement = doc.root) => from.find(xpath, NS).filter((n): n is XmlElement => n instanceof XmlElement)
    const entries: DocumentEntry[] = []
    const uris: (string | undefined)[] = []
    elements('//rim:ExtrinsicObject').forEach((object, index) => {
      const id = object.attr('id')?.value ?? String(index + 1)
      const base = `${path}#ExtrinsicObject[@id='${id}']`
      const slot = (name: string) => elements(`rim:Slot[@name='${name}']/rim:ValueList/rim:Value`, object)[0]?.content.trim()
      const uri = slot('URI')
      const document = uri ? documents(uri) : undefined
      const size = slot('size')
      const hash = slot('hash')
      uris.push(uri)
      entries.push({
        label: `fiche ${id}`,
        path: base,
        entryUuid: id,
        uniqueId: at(externalId(object, SCHEME.entryUniqueId, elements), `${base}/ExternalIdentifier[uniqueId]`),
        patientId: at(optional(externalId(object, SCHEME.entryPatientId, elements), parseInsCx), `${base}/ExternalIdentifier[patientId]`),
        typeCode: at(classification(object, SCHEME.typeCode, elements), `${base}/Classification[typeCode]`),
        classCode: at(classification(object, SCHEME.classCode, elements), `${base}/Classification[classCode]`),
        formatCode: at(classification(object, SCHEME.formatCode, elements), `${base}/Classification[formatCode]`),
        confidentialityCodes: at(classifications(object, SCHEME.confidentialityCode, elements), `${base}/Classification[confidentialityCode]`),
        healthcareFacilityTypeCode: at(classification(object, SCHEME.healthcareFacilityTypeCode, elements), `${base}/Classification[healthcareFacilityTypeCode]`),
        practiceSettingCode: at(classification(object, SCHEME.practiceSettingCode, elements), `${base}/Classification[practiceSettingCode]`),
        mimeType: at(object.attr('mimeType')?.value, `${base}/@mimeType`),
        size: at(size === undefined ? undefined : /^\d+$/.test(size) ? Number(size) : size, `${base}/Slot[size]`),
        hash: at(hash === undefined ? undefined : { raw: hash, ...(/^[0-9a-fA-F]{40}$/.test(hash) ? { hex: hash.toLowerCase() } : {}) }, `${base}/Slot[hash]`),
        ...(document ? { document } : {}),
      })
    })
    const sets: SubmissionSet[] = elements('//rim:RegistryPackage').map((pack, index) => {
      const id = pack.attr('id')?.value ?? String(index + 1)
      const base = `${path}#RegistryPackage[@id='${id}']`
      return {
        label: `lot de soumission ${id}`,
        path: base,
        uniqueId: at(externalId(pack, SCHEME.setUniqueId, elements), `${base}/ExternalIdentifier[uniqueId]`),
        sourceId: at(externalId(pack, SCHEME.setSourceId, elements), `${base}/ExternalIdentifier[sourceId]`),
        patientId: at(optional(externalId(pack, SCHEME.setPatientId, elements), parseInsCx), `${base}/ExternalIdentifier[patientId]`),
      }
    })
    return { metadata: { submission: { transport: 'ebrim', submissionSets: sets, entries }, uris }, issues: parsed.issues }
  } finally {
    doc.dispose()
  }
}

type Select = (xpath: string, from?: XmlElement) => XmlElement[]

function externalId(owner: XmlElement, scheme: string, elements: Select): string | undefined {
  return elements(`rim:ExternalIdentifier[@identificationScheme='${scheme}']`, owner)[0]?.attr('value')?.value
}

function classification(owner: XmlElement, scheme: string, elements: Select): Code | undefined {
  return classifications(owner, scheme, elements)[0]
}

function classifications(owner: XmlElement, scheme: string, elements: Select): Code[] {
  return elements(`rim:Classification[@classificationScheme='${scheme}']`, owner).flatMap((found) => {
    const code = readCode(found, elements)
    return code ? [code] : []
  })
}

function readCode(found: XmlElement | undefined, elements: Select): Code | undefined {
  const code = found?.attr('nodeRepresentation')?.value
  if (!found || code === undefined) return undefined
  const codingScheme = elements(`rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value`, found)[0]?.content.trim()
  const display = elements('rim:Name/rim:LocalizedString', found)[0]?.attr('value')?.value
  return { code, ...(codingScheme ? { scheme: codingScheme } : {}), ...(display ? { display } : {}) }
}

function optional<T>(value: string | undefined, map: (raw: string) => T): T | undefined {
  return value === undefined ? undefined : map(value)
}

function at<T>(value: T, path: string): Located<T> {
  return { value, path }
}
