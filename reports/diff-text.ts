import { COVERAGE_LABELS, VERDICT_LABELS } from './labels.ts'
import type { ReportDiff, RequirementChange, StepChange } from './diff.ts'

/** The comparison as French text, for a terminal or a CI log. */
export function renderDiffText(diff: ReportDiff): string {
  const lines: string[] = [
    `Comparaison : ${diff.before.candidate} (campagne ${diff.before.runId}, ${VERDICT_LABELS[diff.before.verdict]})` +
      ` → ${diff.after.candidate} (campagne ${diff.after.runId}, ${VERDICT_LABELS[diff.after.verdict]})`,
  ]
  const block = (title: string, items: readonly string[]) => {
    if (items.length === 0) return
    lines.push('', `${title} (${items.length}) :`, ...items.map((item) => `  ${item}`))
  }
  block('Régressions', diff.regressions.map((c) => `✖ ${requirement(c)}`))
  block('Étapes en régression', diff.stepRegressions.map((c) => `✖ ${step(c)}`))
  block('Corrections', diff.fixes.map((c) => `✔ ${requirement(c)}`))
  block('Étapes corrigées', diff.stepFixes.map((c) => `✔ ${step(c)}`))
  block('Toujours non conformes', diff.stillFailing.map((c) => `• ${c.id} — ${c.title}`))
  block('Autres changements', diff.otherChanges.map((c) => `• ${requirement(c)}`))
  block('Nouveaux contrôles', [
    ...diff.newRequirements.map((c) => `+ exigence ${c.id} — ${c.title} (${COVERAGE_LABELS[c.status]})`),
    ...diff.newSteps.map((s) => `+ étape ${s.id} — ${s.title} (${VERDICT_LABELS[s.verdict]})`),
  ])
  block('Contrôles retirés', [
    ...diff.removedRequirements.map((c) => `- exigence ${c.id} — ${c.title}`),
    ...diff.removedSteps.map((s) => `- étape ${s.id} — ${s.title}`),
  ])
  lines.push('', diff.regression ? `Verdict : régression — ${diff.regressions.length} exigence(s), ${diff.stepRegressions.length} étape(s).` : 'Verdict : aucune régression.')
  return `${lines.join('\n')}\n`
}

function requirement(c: RequirementChange): string {
  return `${c.id} — ${c.title} : ${COVERAGE_LABELS[c.before]} → ${COVERAGE_LABELS[c.after]}`
}

function step(c: StepChange): string {
  return `${c.id} — ${c.title} : ${VERDICT_LABELS[c.before]} → ${VERDICT_LABELS[c.after]}`
}
