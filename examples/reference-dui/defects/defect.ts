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
  /** Designates the patient with this authority OID instead of the INS one. */
  readonly patientIdentifierOid?: string
  /** Computes the declared size and hash over the embedded PDF instead of the CDA sent. */
  readonly hashEmbeddedPdf?: boolean
  /** Uses the DUI's local document number as the document uniqueId. */
  readonly localDocumentUniqueId?: boolean
  /** Sends the ITI-65 bundle with this Bundle.type instead of `transaction`. */
  readonly bundleType?: string
}
