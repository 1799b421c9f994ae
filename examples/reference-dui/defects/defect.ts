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
  /** INSi: leaves the identity status as it was when the INSi returns the INS (RECUP expected). */
  readonly statusUnchangedByInsi?: boolean
  /** INSi: calls the téléservice without the ContexteLPS header (the software's identification). */
  readonly insiWithoutLpsContext?: boolean
  /** INSi: stores the INS but keeps the traits typed at registration instead of the INSi's strict traits. */
  readonly keepTypedTraits?: boolean
  /** INSi: presents a self-signed development certificate instead of the organisation's one. */
  readonly selfSignedInsiCertificate?: boolean
  /** Pro Santé Connect: accepts an id_token whatever its acr. */
  readonly acceptAnyAcr?: boolean
  /** Pro Santé Connect: authorization code flow without PKCE (no code_challenge, no code_verifier). */
  readonly pscWithoutPkce?: boolean
  /** Pro Santé Connect: identifies the professional by the RPPS of `otherIds` instead of SubjectNameID. */
  readonly pscIdentifyByRpps?: boolean
  /** Annuaire: downloads every Practitioner and searches the copy locally. */
  readonly annuaireLocalCopy?: boolean
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
  /** CDA: writes languageCode before confidentialityCode, against the order of the CDA R2 schema. */
  readonly cdaLanguageBeforeConfidentiality?: boolean
  /** CDA: starts the document with a DOCTYPE declaration. */
  readonly cdaWithDoctype?: boolean
  /** CDA: writes the usager's INS in patientRole whenever there is one, whatever the identity status. */
  readonly cdaInsWhenKnown?: boolean
  /** CDA: records the document types chosen by the user with the OID of the JDV_J07 value set as their code system. */
  readonly typeCodeSystemFromValueSet?: boolean
  /** DLU: leaves out the resident's médecin traitant (participant INF, function PCP). */
  readonly dluWithoutAttendingPhysician?: boolean
  /** FLUDT: writes the start of the transfer as unknown (nullFlavor) instead of its time. */
  readonly fludtTransferStartUnknown?: boolean
  /** VSM: types the synthesis with LOINC 60591-5 instead of SYNTH (TRE_A05). */
  readonly vsmLoincTypeCode?: boolean
  /** Lettre de liaison de sortie: types it 11490-0 (sortie d'un établissement de soins) instead of 83981-1. */
  readonly exitLetterHospitalCode?: boolean
  /** IPS-FR: writes only the French templateId, without the IPS one (2.16.840.1.113883.10.22.1.1). */
  readonly ipsWithoutIpsTemplate?: boolean
  /** Projet personnalisé: types it 18776-5 (plan personnalisé de soins) instead of 80788-3. */
  readonly projectAsCarePlan?: boolean
  /** XDS.b: sends ITI-41 as plain SOAP with the document inline instead of MTOM/XOP. */
  readonly xdsWithoutMtom?: boolean
  /** XDS.b: sends requests without the VIHF token in the WS-Security header. */
  readonly omitVihf?: boolean
  /** Feeds the DMP without checking first (TD0.2) that the patient has an active DMP. */
  readonly skipDmpCheck?: boolean
  /** Gives a new version of a document a new setId instead of keeping the set of the version it replaces. */
  readonly revisionNewSetId?: boolean
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
  /** MSSanté: makes the Message-ID from the local document number, without `@domain`. */
  readonly mssMessageIdWithoutDomain?: boolean
  /** MSSanté: builds the patient address from the usager's INS whenever there is one, whatever the identity status. */
  readonly mssInsWithoutQualification?: boolean
  /** MSSanté: builds an IHE_XDM.zip with only IHE_XDM/SUBSET01 (no INDEX.HTM, no README.TXT). */
  readonly xdmWithoutIndexFiles?: boolean
  /** MSSanté: writes the INS matricule in X-MSS-INS instead of O/N. */
  readonly mssInsHeaderWithMatricule?: boolean
  /** MSSanté: files a received document under the first usager with the birth name and birth date of its subject. */
  readonly mssFileByNameAndBirthDate?: boolean
  /** MSSanté: links a bounce to the message sent through In-Reply-To only, which bounces do not carry. */
  readonly mssBounceByInReplyTo?: boolean
  /** MSSanté: writes the Date header in the French local format (JJ/MM/AAAA HH:MM:SS). */
  readonly mssLocalDate?: boolean
  /** MSSanté: SMTP submission without STARTTLS (authenticates in clear). */
  readonly smtpWithoutStarttls?: boolean
  /** MSSanté: SMTP client capped at TLS 1.1. */
  readonly smtpTls11?: boolean
}
