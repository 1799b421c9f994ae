/**
 * A seeded defect: a small named variation of the reference DUI that must make exactly one
 * requirement fail. Each field is a deliberate mistake the reference code consults.
 */
export interface Defect {
  /** Used as `--candidate reference:<name>`. */
  readonly name: string
  /** Our requirement id the harness must report failed. */
  readonly requirement: string
  /** What the variation does wrong (French, shown by `list defects`). */
  readonly description: string
  readonly mistakes: Mistakes
}

export interface Mistakes {
  /** INSi: reports CR 02 (several identities) as CR 01 (no identity). */
  readonly insiMultipleAsNotFound?: boolean
  /** Sends the INS whenever the usager has one, whatever the identity status. */
  readonly insWithoutQualification?: boolean
  /** Pro Santé Connect: accepts an id_token whatever its acr. */
  readonly acceptAnyAcr?: boolean
  /** Annuaire: takes the first email of a directory entry as its MSSanté address. */
  readonly firstEmailAsMssante?: boolean
  /** Designates the patient with this authority OID instead of the INS one. */
  readonly patientIdentifierOid?: string
  /** Computes the declared size and hash over the embedded PDF instead of the CDA sent. */
  readonly hashEmbeddedPdf?: boolean
  /** Uses the DUI's local document number as the document uniqueId. */
  readonly localDocumentUniqueId?: boolean
  /** Sends the ITI-65 bundle with this Bundle.type instead of `transaction`. */
  readonly bundleType?: string
  /** Writes this free text as the secteur d'activité (healthcareFacilityTypeCode) instead of a TRE_R02 code. */
  readonly facilityTypeCode?: string
  /** Declares this typeCode in the metadata instead of the code written in the CDA. */
  readonly metadataTypeCode?: string
  /** CDA: omits the realmCode (FR) of the header. */
  readonly cdaWithoutRealm?: boolean
  /** CDA: writes the PDF body without representation="B64". */
  readonly cdaBodyWithoutRepresentation?: boolean
  /** CDA: omits the birth place (COG code) of a patient identified by INS. */
  readonly cdaWithoutBirthPlace?: boolean
  /** CDA: starts the document with a DOCTYPE declaration. */
  readonly cdaWithDoctype?: boolean
  /** XDS.b: sends ITI-41 as plain SOAP with the document inline instead of MTOM/XOP. */
  readonly xdsWithoutMtom?: boolean
  /** XDS.b: sends requests without the VIHF token in the WS-Security header. */
  readonly omitVihf?: boolean
  /** Feeds the DMP without checking first (TD0.2) that the patient has an active DMP. */
  readonly skipDmpCheck?: boolean
  /** Sends a new version of a document without declaring that it replaces the previous one. */
  readonly replaceWithoutRelation?: boolean
  /** Masks a document to professionals with this confidentiality code instead of MASQUE_PS. */
  readonly maskCode?: string
  /** Unpublishes (deletes) a document when the user asked to archive it. */
  readonly deleteInsteadOfArchive?: boolean
  /** Searches the DMP (ITI-67) without the mandatory status parameter. */
  readonly searchWithoutStatus?: boolean
  /** MSSanté: writes a free-text subject instead of `XDM/1.0/DDM+…`. */
  readonly mssFreeTextSubject?: boolean
  /** MSSanté: sends the IHE_XDM.zip without the PDF copy of the documents. */
  readonly mssOmitPdf?: boolean
  /** MSSanté: declares in METADATA.XML the size and hash of the embedded PDF instead of the CDA. */
  readonly xdmHashOfPdf?: boolean
  /** MSSanté: ignores `Disposition-Notification-To` on received messages (no MDN). */
  readonly mssIgnoreMdnRequest?: boolean
  /** MSSanté: writes the text part in ISO-8859-1 instead of UTF-8. */
  readonly mssLatin1Text?: boolean
}
