import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Reporter } from '../harness/core/events.ts'
import type { RunReport } from '../harness/core/report.ts'
import { COVERAGE_LABELS, VERDICT_LABELS, VERDICT_MARKS } from './labels.ts'
import { cell } from './markdown-cell.ts'
import { manualProofLines } from './markdown-manual-proofs.ts'
import { officialGridLines } from './markdown-official-grid.ts'

export const SUMMARY_FILE = 'summary.md'

/** Human summary (French) for a pull-request comment or a quick read: verdicts, failures, coverage. */
export function renderMarkdown(report: RunReport): string {
  const lines: string[] = []
  const version = report.candidate.version ? ` ${report.candidate.version}` : ''
  lines.push(`# Campagne de conformité ${report.runId}`, '')
  lines.push(`- Candidat : **${cell(report.candidate.name)}${cell(version)}** (pilote \`${report.candidate.driver}\`)`)
  lines.push(`- Banc : dui-harness ${report.harnessVersion}`)
  lines.push(`- Début : ${report.startedAt} — fin : ${report.finishedAt}${report.interrupted ? ' — **campagne interrompue**' : ''}`)
  lines.push(`- Verdict : **${VERDICT_LABELS[report.verdict]}** (code de sortie ${report.exitCode})`, '')

  lines.push('## Scénarios', '', '| Scénario | Étape | Verdict | Détail |', '| --- | --- | --- | --- |')
  for (const scenario of report.scenarios) {
    for (const step of scenario.steps) {
      lines.push(`| ${cell(scenario.id)} | ${cell(step.title)} | ${VERDICT_MARKS[step.verdict]} ${VERDICT_LABELS[step.verdict]} | ${cell(step.message ?? '')} |`)
    }
  }

  const failures = report.scenarios.flatMap((scenario) => scenario.steps.filter((step) => step.verdict === 'fail' || step.verdict === 'error'))
  if (failures.length > 0) {
    lines.push('', '## Écarts constatés', '')
    for (const step of failures) {
      lines.push(`### ${step.id}`, '', `${step.message ?? ''}`, '')
      for (const issue of step.issues) {
        const where = issue.location ? ` — \`${issue.location.path}\`` : ''
        lines.push(`- ${issue.severity} ${issue.requirement ? `**${issue.requirement}** ` : ''}\`${issue.rule}\` : ${issue.message}${where}`)
      }
      if (step.evidence.length > 0) lines.push(`- Preuves : ${step.evidence.map((id) => `\`${id}\``).join(', ')} (dossier \`evidence/\`)`)
      lines.push('')
    }
  }

  lines.push(...manualProofLines(report))
  lines.push('', '## Couverture des exigences', '', '| Exigence | Réf. officielle | Niveau | Titre | Statut |', '| --- | --- | --- | --- | --- |')
  for (const item of report.coverage) {
    lines.push(`| ${item.id} | ${cell(item.officialRef ?? '—')} | ${item.level} | ${cell(item.title)} | ${COVERAGE_LABELS[item.status]} |`)
  }
  lines.push(...officialGridLines(report))
  if (report.unhandled.length > 0) {
    lines.push('', `Requêtes reçues sans service simulé correspondant : ${report.unhandled.map((id) => `\`${id}\``).join(', ')}`)
  }
  return `${lines.join('\n')}\n`
}

export class MarkdownReporter implements Reporter {
  constructor(private readonly runDir: string) {}

  onRunEnd(report: RunReport): void {
    writeFileSync(join(this.runDir, SUMMARY_FILE), renderMarkdown(report))
  }
}
