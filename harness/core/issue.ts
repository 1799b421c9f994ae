/**
 * The one shape of every finding, whatever the format (CDA, XDS, FHIR, MIME, transport...).
 * Aligned on FHIR OperationOutcome severities and issue types. Issues are data: they are
 * never thrown, and a step decides what they mean.
 */

/** Severity, most serious first. `fatal` and `error` make a document invalid. */
export type Severity = 'fatal' | 'error' | 'warning' | 'information'

/** FHIR `issue-type` subset used by the harness. */
export type IssueCode =
  | 'invalid'
  | 'structure'
  | 'required'
  | 'value'
  | 'invariant'
  | 'code-invalid'
  | 'security'
  | 'too-costly'
  | 'not-supported'
  | 'not-found'
  | 'incomplete'
  | 'timeout'
  | 'processing'
  | 'exception'

export interface IssueLocation {
  /** XPath, FHIRPath, JSON pointer, MIME part path or zip entry name. */
  readonly path: string
  readonly line?: number
  readonly column?: number
}

export interface Issue {
  readonly severity: Severity
  readonly code: IssueCode
  /** Stable id of the rule that found it, e.g. `cda/header-realm-code`. */
  readonly rule: string
  /** Human-facing text, in French. */
  readonly message: string
  readonly location?: IssueLocation
  /** Our requirement id this finding evidences, e.g. `DMP-002`. */
  readonly requirement?: string
  /** Evidence id of the exchange or file the finding is about. */
  readonly evidence?: string
  /** Machine-readable details (expected/actual values...). */
  readonly params?: Readonly<Record<string, unknown>>
}

export const SEVERITY_ORDER: readonly Severity[] = ['fatal', 'error', 'warning', 'information']

/** True when the issue makes the checked artefact invalid. */
export function isBlocking(issue: Issue): boolean {
  return issue.severity === 'fatal' || issue.severity === 'error'
}

export function hasBlockingIssues(issues: readonly Issue[]): boolean {
  return issues.some(isBlocking)
}

/** Deterministic order (severity, rule, path, message) so reports diff cleanly. */
export function compareIssues(a: Issue, b: Issue): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    a.rule.localeCompare(b.rule) ||
    (a.location?.path ?? '').localeCompare(b.location?.path ?? '') ||
    a.message.localeCompare(b.message)
  )
}

export function sortIssues(issues: readonly Issue[]): Issue[] {
  return [...issues].sort(compareIssues)
}
