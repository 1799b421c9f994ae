/** An XDS formatCode (JDV_J10_XdsFormatCode_CISIS): how the DMP and MSSanté learn the document's model. */
export interface FormatCode {
  readonly code: string
  readonly displayName: string
  /** XDS codingScheme (OID of the terminology). */
  readonly codingScheme: string
  /** The same terminology as a FHIR system. */
  readonly system: string
}

/** TRE_A11 (IHE format codes) and TRE_A06 (CI-SIS format codes), OID and FHIR system. */
const IHE = { codingScheme: '1.3.6.1.4.1.19376.1.2.3', system: 'https://mos.esante.gouv.fr/NOS/TRE_A11-IheFormatCode/FHIR/TRE-A11-IheFormatCode' }
const CISIS = { codingScheme: '1.2.250.1.213.1.1.4.2.282', system: 'https://mos.esante.gouv.fr/NOS/TRE_A06-FormatCodeComplementaire/FHIR/TRE-A06-FormatCodeComplementaire' }

export const FORMAT_CODES = {
  pdf: { code: 'urn:ihe:iti:xds-sd:pdf:2008', displayName: 'Document à corps non structuré en Pdf/A-1', ...IHE },
  dlu: { code: 'urn:asip:ci-sis:dlu:2015', displayName: 'Document de liaison d\'urgence', ...CISIS },
  dlu2024: { code: 'urn:asip:ci-sis:dlu:2024', displayName: 'Document de liaison d\'urgence', ...CISIS },
  fludt: { code: 'urn:asip:ci-sis:fludt:2017', displayName: 'Fiche de liaison d\'urgence - Transfert de l\'EHPAD vers les urgences', ...CISIS },
  fludr: { code: 'urn:asip:ci-sis:fludr:2017', displayName: 'Fiche de liaison d\'urgence - Retour des urgences vers l\'EHPAD', ...CISIS },
  vsm: { code: 'urn:asip:ci-sis:vsm:2012', displayName: 'Synthèse médicale', ...CISIS },
} as const satisfies Record<string, FormatCode>
