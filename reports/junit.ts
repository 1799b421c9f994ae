import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createRequire } from 'node:module'
import type { Builder } from 'junit-report-builder'
import type { Reporter } from '../harness/core/events.ts'
import { isBlocking, type Issue } from '../harness/core/issue.ts'
import type { RunReport, StepResult } from '../harness/core/report.ts'
import { COVERAGE_LABELS, VERDICT_LABELS } from './labels.ts'
import { manualProofs } from './manual-proofs.ts'
import { officialReferencesFor } from './official-references.ts'

export const JUNIT_FILE = 'junit.xml'

// The package is CommonJS whose typings declare an ES default export; require gives the real object.
const junitBuilder = createRequire(import.meta.url)('junit-report-builder') as Builder

/**
 * JUnit XML for CI viewers (GitLab, GitHub, Jenkins): one testsuite per scenario, one testcase
 * per step, the step's requirement ids as `requirement` properties (and, with an imported official
 * grid, the official references they check as `official` properties), failures carrying the
 * issue text. `skip`, `omit`, `cancel` and `wait` are reported as skipped, with the reason.
 * A last testsuite lists the manual requirements as skipped testcases, with the proof expected.
 */
export function renderJunit(report: RunReport): string {
  const builder = junitBuilder.newBuilder().name(xmlSafe(`dui-harness ${report.runId} — ${report.candidate.name}`))
  for (const scenario of report.scenarios) {
    const suite = builder
      .testSuite()
      .name(xmlSafe(`${scenario.section} ${scenario.id} — ${scenario.title}`))
      // JUnit timestamps carry no zone; report times are UTC.
      .timestamp(scenario.startedAt.slice(0, 19))
      .time(scenario.durationMs / 1000)
      .property('candidate', xmlSafe(report.candidate.name))
      .property('candidate.version', xmlSafe(report.candidate.version ?? ''))
      .property('harness.version', report.harnessVersion)
    for (const step of scenario.steps) {
      const testCase = suite.testCase().className(`dui-harness.${scenario.id}`).name(xmlSafe(step.title)).time(step.durationMs / 1000)
      testCase.property('step', step.id)
      for (const requirement of step.requirements) testCase.property('requirement', requirement)
      for (const reference of officialReferencesFor(report, step.requirements)) testCase.property('official', xmlSafe(reference))
      const output = [`Étape ${step.id} : ${VERDICT_LABELS[step.verdict]}${step.message ? ` — ${step.message}` : ''}`, evidenceLine(report, step)].filter(Boolean).join('\n')
      switch (step.verdict) {
        case 'pass':
          break
        case 'fail':
          testCase.failure(xmlSafe(failureMessage(step)), xmlSafe(firstRule(step) ?? 'échec')).stacktrace(xmlSafe(issueText(step.issues)))
          break
        case 'error':
          testCase.error(xmlSafe(failureMessage(step)), 'erreur du banc', xmlSafe(issueText(step.issues) || (step.message ?? '')))
          break
        default:
          testCase.skipped()
      }
      testCase.standardOutput(xmlSafe(output))
    }
  }
  addManualProofs(builder, report)
  return builder.build()
}

/** One skipped testcase per manual requirement: CI viewers list what a verifier still has to capture. */
function addManualProofs(builder: ReturnType<Builder['newBuilder']>, report: RunReport): void {
  const proofs = manualProofs(report)
  if (proofs.length === 0) return
  const suite = builder.testSuite().name('Preuves manuelles attendues').property('candidate', xmlSafe(report.candidate.name)).property('harness.version', report.harnessVersion)
  for (const { requirement, proof, steps } of proofs) {
    const where = steps.length > 0 ? `\nOù regarder : ${steps.map((s) => s.id).join(', ')}` : ''
    suite
      .testCase()
      .className('dui-harness.preuves-manuelles')
      .name(xmlSafe(`${requirement.id} — ${requirement.title}`))
      .property('requirement', requirement.id)
      .skipped()
      .standardOutput(xmlSafe(`${COVERAGE_LABELS.manual} : ${proof}${where}`))
  }
}

/** XML 1.0 forbids most control characters, even in CDATA; candidate data may carry them. */
function xmlSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD')
}

function failureMessage(step: StepResult): string {
  const blocking = step.issues.filter(isBlocking)
  const first = blocking[0]
  const head = step.message ?? first?.message ?? 'échec'
  return blocking.length > 0 ? `${head} (${blocking.length} écart(s) : ${[...new Set(blocking.map((i) => i.requirement ?? i.rule))].join(', ')})` : head
}

function firstRule(step: StepResult): string | undefined {
  return step.issues.find(isBlocking)?.rule
}

function issueText(issues: readonly Issue[]): string {
  return issues
    .map((i) => `${i.severity} ${i.requirement ? `[${i.requirement}] ` : ''}${i.rule} : ${i.message}${i.location ? ` (${i.location.path})` : ''}${i.evidence ? ` — preuve ${i.evidence}` : ''}`)
    .join('\n')
}

function evidenceLine(report: RunReport, step: StepResult): string {
  if (step.evidence.length === 0) return ''
  const files = step.evidence.flatMap((id) => report.evidence.find((e) => e.id === id)?.files.map((f) => f.path) ?? [])
  return `Preuves : ${step.evidence.join(', ')} (${files.join(', ')})`
}

export class JunitReporter implements Reporter {
  constructor(private readonly runDir: string) {}

  onRunEnd(report: RunReport): void {
    writeFileSync(join(this.runDir, JUNIT_FILE), renderJunit(report))
  }
}
