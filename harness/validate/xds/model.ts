/**
 * The XDS metadata of one submission, whatever carried it: an ITI-65 FHIR bundle, an ITI-41
 * ebRIM request, or an IHE_XDM METADATA.XML. Adapters fill it; the rules of `rules/` judge it,
 * so both DMP transports and MSSanté XDM are checked by the same code. Every field a rule
 * reports on carries the path where it sits in the original representation.
 */

/** A value with where it was found (XPath, FHIRPath...), for issue locations. */
export interface Located<T> {
  readonly value: T
  readonly path: string
}

export interface Code {
  readonly code: string
  /** OID (XDS codingScheme, CDA codeSystem) or URI (FHIR system), as sent. */
  readonly scheme?: string
  readonly display?: string
}

/** A patient designated by identifier: INS matricule and the OID of its authority. */
export interface PatientRef {
  readonly oid: string
  readonly value: string
}

/** A patient designation that could not be read, with the raw text and what was expected. */
export interface UnreadablePatient {
  readonly raw: string
  readonly expected: string
}

export interface DocumentEntry {
  /** Label in messages, e.g. `fiche 1` or `ExtrinsicObject Document01`. */
  readonly label: string
  /** Where the entry itself sits. */
  readonly path: string
  readonly entryUuid?: string
  readonly uniqueId?: Located<string | undefined>
  readonly patientId?: Located<PatientRef | UnreadablePatient | undefined>
  readonly typeCode?: Located<Code | undefined>
  readonly classCode?: Located<Code | undefined>
  readonly formatCode?: Located<Code | undefined>
  readonly confidentialityCodes?: Located<readonly Code[]>
  readonly healthcareFacilityTypeCode?: Located<Code | undefined>
  readonly practiceSettingCode?: Located<Code | undefined>
  readonly mimeType?: Located<string | undefined>
  /** Declared size in bytes (a string when not a number). */
  readonly size?: Located<number | string | undefined>
  /** Declared SHA-1; `hex` when it could be decoded, `raw` as sent. */
  readonly hash?: Located<{ readonly raw: string; readonly hex?: string } | undefined>
  /** The document's bytes, when the submission carries them. */
  readonly document?: Buffer
}

export interface SubmissionSet {
  readonly label: string
  readonly path: string
  readonly uniqueId?: Located<string | undefined>
  readonly sourceId?: Located<string | undefined>
  readonly patientId?: Located<PatientRef | UnreadablePatient | undefined>
  readonly contentTypeCode?: Located<Code | undefined>
}

export interface Submission {
  /** Which representation it came from: chooses wording, never the rules. */
  readonly transport: 'fhir' | 'ebrim'
  readonly submissionSets: readonly SubmissionSet[]
  readonly entries: readonly DocumentEntry[]
}

export function isPatientRef(value: PatientRef | UnreadablePatient | undefined): value is PatientRef {
  return value !== undefined && 'oid' in value
}
