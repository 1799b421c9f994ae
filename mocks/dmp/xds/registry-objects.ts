import { formatInsCx } from '../../../harness/validate/xds/index.ts'
import { DOCUMENT_ENTRY_OBJECT_TYPE, DOCUMENT_ENTRY_SCHEME, NS } from '../../../harness/validate/xds/ebrim-constants.ts'
import type { StoredDocument } from '../registry.ts'
import { escapeXml as xml } from '../../xml-escape.ts'

/** The repository id this simulator answers for (an OID of our test tree). */
export const REPOSITORY_UNIQUE_ID = '2.25.1000000000000000000000000000000000001'

/** A stored document as an ebRIM ExtrinsicObject (ITI-18 LeafClass results). */
export function extrinsicObject(document: StoredDocument): string {
  const slot = (name: string, value: string) => `<rim:Slot name="${name}"><rim:ValueList><rim:Value>${xml(value)}</rim:Value></rim:ValueList></rim:Slot>`
  const classification = (scheme: string, code: { code: string; scheme?: string; display?: string } | undefined, n: number) =>
    code ? `<rim:Classification id="urn:uuid:${document.entryUuid.slice(0, 30)}${String(n).padStart(6, '0')}" classificationScheme="${scheme}" classifiedObject="urn:uuid:${document.entryUuid}" nodeRepresentation="${xml(code.code)}">${code.scheme ? slot('codingScheme', code.scheme) : ''}</rim:Classification>` : ''
  return `<rim:ExtrinsicObject xmlns:rim="${NS.rim}" id="urn:uuid:${document.entryUuid}" lid="urn:uuid:${document.logicalId}" mimeType="${xml(document.mimeType)}" objectType="${DOCUMENT_ENTRY_OBJECT_TYPE}" status="${document.status}">
  ${slot('size', String(document.bytes.length))}${slot('repositoryUniqueId', REPOSITORY_UNIQUE_ID)}${slot('creationTime', document.submittedAt.replace(/[-:T]/g, '').slice(0, 14))}
  ${classification(DOCUMENT_ENTRY_SCHEME.typeCode, document.typeCode, 1)}${classification(DOCUMENT_ENTRY_SCHEME.classCode, document.classCode, 2)}${classification(DOCUMENT_ENTRY_SCHEME.formatCode, document.formatCode, 3)}${document.confidentialityCodes.map((code, i) => classification(DOCUMENT_ENTRY_SCHEME.confidentialityCode, code, 10 + i)).join('')}
  <rim:ExternalIdentifier id="urn:uuid:${document.logicalId.slice(0, 30)}000001" identificationScheme="${DOCUMENT_ENTRY_SCHEME.patientId}" registryObject="urn:uuid:${document.entryUuid}" value="${xml(formatInsCx(document.patient))}"/>
  <rim:ExternalIdentifier id="urn:uuid:${document.logicalId.slice(0, 30)}000002" identificationScheme="${DOCUMENT_ENTRY_SCHEME.uniqueId}" registryObject="urn:uuid:${document.entryUuid}" value="${xml(document.uniqueId)}"/>
</rim:ExtrinsicObject>`
}
