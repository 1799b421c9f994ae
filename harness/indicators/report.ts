import type { BadRowReason } from './bad-rows.ts'
import type { DenominatorScope, IndicatorId } from './config.ts'
import type { EventKind } from './event-kind.ts'
import type { FileFormat, RecordKind } from './export-format.ts'
import type { CrossCheckResult } from './cross-check.ts'

/**
 * The indicators report: plain, schema-versioned data. The CLI prints it as JSON (`--json`) or as a
 * French table; the HTML reporter renders it. Human-facing strings are French.
 */
export interface IndicatorsReport {
  readonly schemaVersion: 1
  readonly kind: 'dui-harness/indicators'
  readonly harnessVersion: string
  /** Measurement date (`--at`), YYYY-MM-DD. */
  readonly at: string
  readonly definitions: DefinitionsInfo
  /** The rules applied, in French, in the order they are applied. */
  readonly rules: readonly string[]
  readonly indicators: readonly IndicatorDefinition[]
  readonly input: InputSummary
  /** One entry per ESSMS (FINESS géographique), sorted by FINESS. */
  readonly essms: readonly EssmsResult[]
  /** One entry per project; one implicit project when none is configured. */
  readonly projects: readonly ProjectResult[]
  /** Present when `--observed` was given. */
  readonly crossCheck?: CrossCheckResult
  readonly verdict: OverallVerdict
}

export interface DefinitionsInfo {
  /** 'defaults' (brief §9 values) or 'configured' (a `--config` file changed them). */
  readonly origin: 'defaults' | 'configured'
  /** Path of the `--config` file, if any. */
  readonly configFile?: string
  /** Always false for now: the official formulas were not found (brief §9, §12). */
  readonly verified: false
  /** The French notice printed with every report. */
  readonly notice: string
}

export interface DayRangeView {
  /** First day, YYYY-MM-DD; absent when the range has no start ("any time up to end"). */
  readonly start?: string
  /** Last day, inclusive, YYYY-MM-DD. */
  readonly end: string
}

export interface IndicatorDefinition {
  readonly id: IndicatorId
  readonly label: string
  /** Target in percent. */
  readonly target: number
  readonly window: DayRangeView
  readonly denominator: DenominatorScope
  readonly numeratorEventKinds: readonly EventKind[]
  readonly numeratorRange: DayRangeView
  /** French sentences: what the numerator and the denominator count. */
  readonly numeratorRule: string
  readonly denominatorRule: string
}

export interface FileSummary {
  readonly path: string
  readonly format: FileFormat
  readonly gzip: boolean
  readonly kind: RecordKind
  /** Lines read, header included. */
  readonly lines: number
  readonly badRows: number
}

export interface BadRowView {
  readonly file: string
  readonly line: number
  readonly reason: BadRowReason
  /** French explanation of the reason. */
  readonly message: string
  readonly text: string
}

export interface InputSummary {
  readonly files: readonly FileSummary[]
  readonly usagers: number
  readonly events: number
  readonly eventsByKind: Readonly<Record<EventKind, number>>
  readonly badRows: {
    readonly total: number
    readonly byReason: Readonly<Partial<Record<BadRowReason, number>>>
    /** The first bad rows, with file and line; `total` counts them all. */
    readonly listed: readonly BadRowView[]
  }
}

export type IndicatorStatus = 'met' | 'not-met' | 'not-computable'

export interface IndicatorResult {
  readonly id: IndicatorId
  readonly numerator: number
  readonly denominator: number
  /** numerator / denominator in percent, rounded to 2 decimals; null when the denominator is 0. */
  readonly rate: number | null
  readonly target: number
  /** met when rate ≥ target; not-computable when nobody is in the denominator (counts as not met). */
  readonly status: IndicatorStatus
  /** rate − target in percentage points, rounded to 2 decimals; null when not computable. */
  readonly marginPoints: number | null
  /** Records to add to the numerator to reach the target (0 when met). */
  readonly missingRecords: number
}

export interface FundingVerdict {
  /** Every indicator met. */
  readonly met: boolean
  /** Ids of the indicators not met (or not computable). */
  readonly notMet: readonly IndicatorId[]
}

export interface EssmsResult {
  readonly finess: string
  /** Project id, or null when the ESSMS belongs to no configured project. */
  readonly project: string | null
  /** Records of this ESSMS in the export. */
  readonly usagers: number
  /** Records accompanied in the first indicator's window. */
  readonly accompanied: number
  readonly indicators: readonly IndicatorResult[]
  readonly verdict: FundingVerdict
}

export interface ProjectResult {
  readonly id: string
  readonly label: string
  readonly implicit: boolean
  readonly finess: readonly string[]
  /** Indicators over the pooled records of the project's ESSMS (sums of numerators and denominators). */
  readonly indicators: readonly IndicatorResult[]
  readonly verdict: FundingVerdict
  /** ESSMS of the project meeting every target on their own. */
  readonly essmsMeetingAll: number
  /** French warnings (fewer ESSMS than the minimum, FINESS absent from the export...). */
  readonly warnings: readonly string[]
}

export interface OverallVerdict {
  /** Every project meets every target, and the cross-check (if any) found no over-reporting. */
  readonly met: boolean
  /** One French sentence. */
  readonly summary: string
}
