import { STATUS, type StoredDocument } from '../registry.ts'

const FHIR_STATUS: Record<string, string> = {
  [STATUS.approved]: 'current',
  [STATUS.archived]: 'current',
  [STATUS.deprecated]: 'superseded',
  [STATUS.deleted]: 'entered-in-error',
}

export const IS_ARCHIVED_URL = 'https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/PDSm_IsArchived'

/** How the DMP shows a stored document through PDSm (ITI-67 results). */
export function toDocumentReference(document: StoredDocument, fhirBase: string) {
  return {
    resourceType: 'DocumentReference',
    id: document.entryUuid,
    extension: [{ url: IS_ARCHIVED_URL, valueBoolean: document.status === STATUS.archived }],
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${document.uniqueId}` },
    identifier: [{ system: 'urn:ietf:rfc:3986', value: `urn:uuid:${document.logicalId}` }],
    status: FHIR_STATUS[document.status] ?? 'current',
    ...(document.typeCode ? { type: { coding: [coding(document.typeCode)] } } : {}),
    ...(document.classCode ? { category: [{ coding: [coding(document.classCode)] }] } : {}),
    subject: { reference: `Patient?identifier=urn:oid:${document.patient.oid}|${document.patient.value}` },
    date: document.submittedAt,
    securityLabel: document.confidentialityCodes.map((code) => ({ coding: [coding(code)] })),
    content: [
      {
        attachment: { contentType: document.mimeType, url: `${fhirBase}/Binary/${document.logicalId}`, size: document.bytes.length, ...(document.title ? { title: document.title } : {}) },
        ...(document.formatCode ? { format: coding(document.formatCode) } : {}),
      },
    ],
  }
}

function coding(code: { code: string; scheme?: string; display?: string }) {
  return { ...(code.scheme ? { system: code.scheme } : {}), code: code.code, ...(code.display ? { display: code.display } : {}) }
}
