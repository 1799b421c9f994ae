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
}
