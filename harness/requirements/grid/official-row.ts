/** Level of an official row: `Exigence (Doit)` or `Préconisation (Peut)` in the ANS grids. */
export type OfficialLevel = 'EXIGENCE' | 'PRECONISATION'

/** The proof columns of a DSR/REM row (Squash `REF_PREUVE`, `NATPREUVE`, `VERIF_PREUVE`). */
export interface OfficialProof {
  readonly reference?: string
  readonly nature?: string
  /** How the proof is checked. */
  readonly check?: string
}

/**
 * One requirement row of an official DSR/REM grid (brief §2.1), normalised whatever the export's
 * column names. Everything here is read from the user's grid: nothing is ours, nothing is guessed.
 */
export interface OfficialRow {
  /** 1-based line of the CSV record, or row number of the sheet, where the row starts. */
  readonly line: number
  /** Section id: the prefix of `SECTION` before `_` (`INS_Gestion de l'ins` gives `INS`). */
  readonly section: string
  /** The rest of `SECTION` after `_`, when there is one. */
  readonly sectionLabel?: string
  /** Official requirement number, e.g. `INS/va1.53`. */
  readonly reference: string
  readonly text: string
  /** Absent when the grid has no category column. */
  readonly level?: OfficialLevel
  readonly proof?: OfficialProof
  readonly profile?: string
  readonly bloc?: string
  readonly fonction?: string
}

/** A line of the grid that was not taken as a requirement row, and why (French). */
export interface SkippedLine {
  readonly line: number
  readonly reason: string
}
