import type { Evidence } from './evidence.ts'
import type { Issue } from './issue.ts'
import type { Verdict } from './verdict.ts'

/** Version of the `report.json` format (docs/report.schema.json). Bump on breaking change. */
export const REPORT_SCHEMA_VERSION = 1

/** Result of one step. `issues` are sorted; `message` says why it did not pass. */
export interface StepResult {
  /** `<scenario-id>/<step-id>`. */
  readonly id: string
  readonly title: string
  readonly verdict: Verdict
  readonly optional: boolean
  /** Requirement ids the step evidences. */
  readonly requirements: readonly string[]
  /** Why the step did not pass (absent on pass). */
  readonly message?: string
  readonly issues: readonly Issue[]
  /** Evidence ids of the exchanges the step looked at. */
  readonly evidence: readonly string[]
  readonly startedAt: string
  readonly durationMs: number
  /** Time spent waiting on the candidate (driver calls and expected traffic). */
  readonly candidateMs: number
}

export interface ScenarioResult {
  readonly id: string
  readonly title: string
  readonly section: string
  readonly verdict: Verdict
  readonly optional: boolean
  readonly requirements: readonly string[]
  readonly steps: readonly StepResult[]
  readonly startedAt: string
  readonly durationMs: number
}

export type CoverageStatus = 'verified' | 'failed' | 'error' | 'not-run' | 'manual'

export interface RequirementCoverage {
  readonly id: string
  readonly section: string
  readonly title: string
  readonly level: 'EXIGENCE' | 'PRECONISATION'
  readonly automation: 'automatic' | 'manual'
  readonly officialRef?: string
  readonly status: CoverageStatus
  /** Step ids that evidence this requirement in this run. */
  readonly verifiedBy: readonly string[]
  /** Why it was not run / what a verifier must look at (French). */
  readonly note?: string
}

/**
 * Status of one row of an imported official grid in a run: `covered` when every requirement of
 * ours mapped to it is verified automatically, `manual` when a manual proof is part of it,
 * `not-covered` when none of ours checks it (docs/official-grid.md).
 */
export type OfficialRowStatus = 'covered' | 'failed' | 'error' | 'not-run' | 'manual' | 'not-covered'

export interface OfficialRowCoverage {
  /** Official requirement number, as the grid writes it (e.g. `INS/va1.53`). */
  readonly reference: string
  readonly section: string
  readonly sectionLabel?: string
  /** Absent when the grid has no category column. */
  readonly level?: 'EXIGENCE' | 'PRECONISATION'
  /** The official text, from the grid. */
  readonly text: string
  /** Our requirement ids mapped to the row. */
  readonly requirements: readonly string[]
  readonly status: OfficialRowStatus
  /** Why (French): failed or not-run ids, the manual proof expected, the reason it is not covered. */
  readonly note?: string
}

/** The official grid imported by `requirements import`, judged with this run's coverage. */
export interface OfficialGridCoverage {
  readonly source: { readonly file: string; readonly sha256: string; readonly importedAt: string; readonly sheet?: string }
  readonly rows: readonly OfficialRowCoverage[]
  readonly summary: Readonly<Record<OfficialRowStatus, number>>
}

export interface RunReport {
  readonly schemaVersion: typeof REPORT_SCHEMA_VERSION
  readonly harnessVersion: string
  readonly runId: string
  readonly startedAt: string
  readonly finishedAt: string
  /** True when the run was stopped before the end (SIGINT, SIGTERM). */
  readonly interrupted: boolean
  readonly candidate: { readonly name: string; readonly version?: string; readonly driver: string }
  /** sha256 of the canonical JSON of the effective configuration. */
  readonly configDigest: string
  readonly scenarios: readonly ScenarioResult[]
  readonly coverage: readonly RequirementCoverage[]
  readonly evidence: readonly Evidence[]
  /** Evidence ids of requests no simulator handler matched. */
  readonly unhandled: readonly string[]
  readonly summary: Readonly<Record<Verdict, number>>
  readonly verdict: Verdict
  readonly exitCode: number
  /** Present when the run was given an imported official grid (`grid` in the configuration). */
  readonly officialGrid?: OfficialGridCoverage
}
