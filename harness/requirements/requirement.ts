/**
 * One requirement the harness checks (DESIGN §4). `id` is ours and stable; `officialRef` is
 * set only where a public source gives it, with that `source`. Never invent an official id.
 */
export type Section = 'INS' | 'DMP' | 'MSS' | 'PSC' | 'ANN' | 'DOC' | 'SEC'

export const SECTIONS: readonly Section[] = ['INS', 'DOC', 'DMP', 'MSS', 'PSC', 'ANN', 'SEC']

export interface Requirement {
  /** Our stable id, `<SECTION>-<NNN>`, e.g. `DMP-002`. Never renamed, never reused. */
  readonly id: string
  readonly section: Section
  /** Short French title. */
  readonly title: string
  /** The requirement in our own French words. */
  readonly text: string
  readonly level: 'EXIGENCE' | 'PRECONISATION'
  /** Official id (e.g. `MSS/va1.08`, `EX_2.1-1130`), only with `source`. */
  readonly officialRef?: string
  /** Public URL (or repository + path) where `officialRef` is given. */
  readonly source?: string
  /** How trustworthy `source` is: primary official text, or a secondary source quoting it. */
  readonly sourceStatus?: 'verified' | 'secondary'
  /** Specification the check is derived from (IG page, schematron...), when not an official requirement. */
  readonly basis?: string
  /** French: what the harness captures as proof, or what a verifier must look at. */
  readonly proof: string
  readonly automation: 'automatic' | 'manual'
  /** What the harness needs to check it: the official CI-SIS kit, which is not redistributed. */
  readonly needs?: 'cisis-kit'
}

/** The content of one catalogue file, `scenarios/requirements/<section>.json`. */
export interface RequirementFile {
  readonly requirements: readonly Requirement[]
}
