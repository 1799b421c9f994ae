import type { CoverageStatus, RequirementCoverage, RunReport, StepResult } from '../harness/core/report.ts'
import type { Verdict } from '../harness/core/verdict.ts'

/** One requirement whose status is compared between two runs. */
export interface RequirementChange {
  readonly id: string
  readonly title: string
  readonly section: string
  readonly level: RequirementCoverage['level']
  readonly before: CoverageStatus
  readonly after: CoverageStatus
}

/** One step (a check) whose verdict is compared between two runs. */
export interface StepChange {
  readonly id: string
  readonly title: string
  readonly before: Verdict
  readonly after: Verdict
}

export interface RunSide {
  readonly runId: string
  readonly candidate: string
  readonly harnessVersion: string
  readonly verdict: Verdict
}

/** Version-to-version comparison of two reports; `regression` drives the exit code. */
export interface ReportDiff {
  readonly before: RunSide
  readonly after: RunSide
  /** Requirement verified before, failed now. */
  readonly regressions: readonly RequirementChange[]
  /** Requirement failed (or in error) before, verified now. */
  readonly fixes: readonly RequirementChange[]
  /** Failed in both runs. */
  readonly stillFailing: readonly RequirementChange[]
  /** Any other status change (verified → not run, verified → error...). */
  readonly otherChanges: readonly RequirementChange[]
  /** Step passed before, fails (or errors) now: a regression even when its requirement already failed. */
  readonly stepRegressions: readonly StepChange[]
  readonly stepFixes: readonly StepChange[]
  /** Checks (steps) and requirements present in only one run. */
  readonly newSteps: readonly StepResult[]
  readonly removedSteps: readonly StepResult[]
  readonly newRequirements: readonly RequirementCoverage[]
  readonly removedRequirements: readonly RequirementCoverage[]
  readonly regression: boolean
}

const FAILING: readonly CoverageStatus[] = ['failed']
const BROKEN_STEP: readonly Verdict[] = ['fail', 'error']

export function diffReports(before: RunReport, after: RunReport): ReportDiff {
  const oldCoverage = new Map(before.coverage.map((c) => [c.id, c]))
  const newCoverage = new Map(after.coverage.map((c) => [c.id, c]))
  const regressions: RequirementChange[] = []
  const fixes: RequirementChange[] = []
  const stillFailing: RequirementChange[] = []
  const otherChanges: RequirementChange[] = []
  for (const now of after.coverage) {
    const was = oldCoverage.get(now.id)
    if (!was) continue
    const change: RequirementChange = { id: now.id, title: now.title, section: now.section, level: now.level, before: was.status, after: now.status }
    if (was.status === 'verified' && FAILING.includes(now.status)) regressions.push(change)
    else if ((FAILING.includes(was.status) || was.status === 'error') && now.status === 'verified') fixes.push(change)
    else if (FAILING.includes(was.status) && FAILING.includes(now.status)) stillFailing.push(change)
    else if (was.status !== now.status) otherChanges.push(change)
  }
  const oldSteps = new Map(allSteps(before).map((s) => [s.id, s]))
  const newSteps = new Map(allSteps(after).map((s) => [s.id, s]))
  const stepRegressions: StepChange[] = []
  const stepFixes: StepChange[] = []
  for (const now of newSteps.values()) {
    const was = oldSteps.get(now.id)
    if (!was) continue
    const change: StepChange = { id: now.id, title: now.title, before: was.verdict, after: now.verdict }
    if (was.verdict === 'pass' && BROKEN_STEP.includes(now.verdict)) stepRegressions.push(change)
    else if (BROKEN_STEP.includes(was.verdict) && now.verdict === 'pass') stepFixes.push(change)
  }
  return {
    before: side(before),
    after: side(after),
    regressions,
    fixes,
    stillFailing,
    otherChanges,
    stepRegressions,
    stepFixes,
    newSteps: [...newSteps.values()].filter((s) => !oldSteps.has(s.id)),
    removedSteps: [...oldSteps.values()].filter((s) => !newSteps.has(s.id)),
    newRequirements: after.coverage.filter((c) => !oldCoverage.has(c.id)),
    removedRequirements: before.coverage.filter((c) => !newCoverage.has(c.id)),
    regression: regressions.length > 0 || stepRegressions.length > 0,
  }
}

function allSteps(report: RunReport): StepResult[] {
  return report.scenarios.flatMap((scenario) => [...scenario.steps])
}

function side(report: RunReport): RunSide {
  const version = report.candidate.version ? ` ${report.candidate.version}` : ''
  return { runId: report.runId, candidate: `${report.candidate.name}${version}`, harnessVersion: report.harnessVersion, verdict: report.verdict }
}
