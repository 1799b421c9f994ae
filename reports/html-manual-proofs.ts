import type { RunReport } from '../harness/core/report.ts'
import { anchor, esc } from './html-escape.ts'
import { COVERAGE_LABELS, LEVEL_LABELS } from './labels.ts'
import { MANUAL_PROOFS_INTRO, manualProofs } from './manual-proofs.ts'

/**
 * The verifier's checklist: every requirement the wire cannot show (display, ergonomics), with
 * what to look at and capture, and the steps of this run where the DUI was in the state to look at.
 */
export function renderManualProofsSection(report: RunReport): string {
  const proofs = manualProofs(report)
  if (proofs.length === 0) return ''
  const rows = proofs.map(({ requirement: c, proof, steps }) => {
    const where = steps.length > 0 ? steps.map((s) => `<code>${esc(s.id)}</code> — ${esc(s.title)}`).join('<br>') : '<small>aucune étape de cette campagne : à constater hors scénario</small>'
    return `<tr id="${anchor('manuel', c.id)}" data-id="${esc(c.id)}"><td>${esc(c.id)}</td><td>${esc(c.officialRef ?? '—')}</td><td>${esc(c.title)}<br><small>${esc(LEVEL_LABELS[c.level])}</small></td>` +
      `<td><span class="badge manual">${esc(COVERAGE_LABELS.manual)}</span><br>${esc(proof)}</td><td>${where}</td></tr>`
  })
  return `<section id="preuves-manuelles"><h2>Preuves manuelles attendues</h2>
<p>${esc(MANUAL_PROOFS_INTRO)}</p>
<table class="manual-proofs"><thead><tr><th>Exigence</th><th>Réf. officielle</th><th>Titre</th><th>Ce que le vérificateur regarde et capture</th><th>Où regarder pendant la campagne</th></tr></thead><tbody>
${rows.join('\n')}
</tbody></table></section>`
}
