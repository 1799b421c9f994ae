import { COVERAGE_LABELS, VERDICT_LABELS } from './labels.ts'
import type { ReportDiff, RequirementChange, StepChange } from './diff.ts'
import { esc } from './html-escape.ts'
import { htmlPage } from './html-page.ts'

/** The comparison as an HTML section, for the HTML report or a page of its own. */
export function renderDiffSection(diff: ReportDiff): string {
  const parts: string[] = [
    `<section id="comparaison"><h2>Comparaison de versions</h2>`,
    `<p>${esc(diff.before.candidate)} <small>(campagne ${esc(diff.before.runId)}, ${esc(VERDICT_LABELS[diff.before.verdict])})</small> → ` +
      `${esc(diff.after.candidate)} <small>(campagne ${esc(diff.after.runId)}, ${esc(VERDICT_LABELS[diff.after.verdict])})</small></p>`,
    `<p class="verdict-line ${diff.regression ? 'ko' : 'ok'}">${diff.regression ? `Régression : ${diff.regressions.length} exigence(s), ${diff.stepRegressions.length} étape(s)` : 'Aucune régression'}</p>`,
  ]
  const table = (title: string, kind: string, rows: readonly string[]) => {
    if (rows.length === 0) return
    parts.push(`<h3>${esc(title)} (${rows.length})</h3><table class="diff ${kind}"><tbody>${rows.join('')}</tbody></table>`)
  }
  table('Régressions', 'regressions', diff.regressions.map(requirementRow))
  table('Étapes en régression', 'regressions', diff.stepRegressions.map(stepRow))
  table('Corrections', 'fixes', diff.fixes.map(requirementRow))
  table('Étapes corrigées', 'fixes', diff.stepFixes.map(stepRow))
  table('Toujours non conformes', 'still', diff.stillFailing.map(requirementRow))
  table('Autres changements', 'other', diff.otherChanges.map(requirementRow))
  table('Nouveaux contrôles', 'added', [
    ...diff.newRequirements.map((c) => `<tr><td>exigence</td><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td>${esc(COVERAGE_LABELS[c.status])}</td></tr>`),
    ...diff.newSteps.map((s) => `<tr><td>étape</td><td>${esc(s.id)}</td><td>${esc(s.title)}</td><td>${esc(VERDICT_LABELS[s.verdict])}</td></tr>`),
  ])
  table('Contrôles retirés', 'removed', [
    ...diff.removedRequirements.map((c) => `<tr><td>exigence</td><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td></td></tr>`),
    ...diff.removedSteps.map((s) => `<tr><td>étape</td><td>${esc(s.id)}</td><td>${esc(s.title)}</td><td></td></tr>`),
  ])
  parts.push('</section>')
  return parts.join('\n')
}

/** A standalone page around the section (`dui-harness diff --html <file>`). */
export function renderDiffPage(diff: ReportDiff): string {
  return htmlPage({ title: `Comparaison ${diff.before.runId} → ${diff.after.runId}`, body: renderDiffSection(diff), data: diff })
}

function requirementRow(c: RequirementChange): string {
  return `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td>${esc(COVERAGE_LABELS[c.before])} → ${esc(COVERAGE_LABELS[c.after])}</td></tr>`
}

function stepRow(c: StepChange): string {
  return `<tr><td>${esc(c.id)}</td><td>${esc(c.title)}</td><td>${esc(VERDICT_LABELS[c.before])} → ${esc(VERDICT_LABELS[c.after])}</td></tr>`
}
