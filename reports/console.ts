import type { Reporter } from '../harness/core/events.ts'
import type { RunReport, ScenarioResult, StepResult } from '../harness/core/report.ts'
import type { ScenarioDefinition } from '../harness/core/scenario.ts'
import { VERDICT_LABELS, VERDICT_MARKS } from './labels.ts'

/**
 * Progress on the terminal: one line per scenario and per finished step, no spinner, so the
 * output stays readable in CI logs.
 */
export class ConsoleReporter implements Reporter {
  constructor(private readonly write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) {}

  onRunStart(info: { runId: string; candidate: string; scenarios: readonly ScenarioDefinition[] }): void {
    this.write(`dui-harness : campagne ${info.runId}, candidat ${info.candidate}, ${info.scenarios.length} scénario(s)`)
  }

  onScenarioStart(scenario: ScenarioDefinition): void {
    this.write(`▶ ${scenario.id} — ${scenario.title}`)
  }

  onStepEnd(_scenario: ScenarioDefinition, step: StepResult): void {
    const why = step.message ? ` — ${step.message}` : ''
    this.write(`  ${VERDICT_MARKS[step.verdict]} ${step.title} [${VERDICT_LABELS[step.verdict]}, ${step.durationMs} ms]${why}`)
    if (step.verdict === 'fail' || step.verdict === 'error') {
      for (const issue of step.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')) {
        const where = issue.location ? ` (${issue.location.path})` : ''
        this.write(`      ${issue.requirement ? `[${issue.requirement}] ` : ''}${issue.rule} : ${issue.message}${where}`)
      }
    }
  }

  onScenarioEnd(result: ScenarioResult): void {
    this.write(`  = ${VERDICT_LABELS[result.verdict]} (${result.durationMs} ms)`)
  }

  onRunEnd(report: RunReport): void {
    const counts = Object.entries(report.summary)
      .filter(([, n]) => n > 0)
      .map(([verdict, n]) => `${n} ${VERDICT_LABELS[verdict as keyof typeof VERDICT_LABELS]}`)
      .join(', ')
    this.write(`Résultat : ${VERDICT_LABELS[report.verdict]} — étapes : ${counts || 'aucune'}`)
  }
}
