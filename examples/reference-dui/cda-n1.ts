import { buildClinicalDocument, type ClinicalDocumentHeader } from './cda/clinical-document.ts'
import type { Mistakes } from './defects/index.ts'
import type { Usager } from './usagers.ts'

/** IHE XDS-SD: the templateId that replaces the volet's in a document with a non-structured body. */
const XDS_SD_TEMPLATE = { root: '1.3.6.1.4.1.19376.1.2.20' }

/**
 * A CDA R2 level-1 document (CI-SIS structuration minimale, IHE XDS-SD): the shared header with
 * the templateId of an N1 document, and the PDF as a B64 nonXMLBody.
 */
export function buildCdaN1(header: Omit<ClinicalDocumentHeader, 'templateIds'>, pdf: Buffer, usager: Usager, mistakes: Mistakes = {}): string {
  const body = `<nonXMLBody>
      <text mediaType="application/pdf"${mistakes.cdaBodyWithoutRepresentation ? '' : ' representation="B64"'}>${pdf.toString('base64')}</text>
    </nonXMLBody>`
  return buildClinicalDocument({ ...header, templateIds: [XDS_SD_TEMPLATE] }, usager, body, mistakes)
}
