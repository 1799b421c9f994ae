import type { OfficialRowCoverage, OfficialRowStatus, RunReport } from '../harness/core/report.ts'
import { anchor, esc, frNumber } from './html-escape.ts'
import { LEVEL_LABELS, OFFICIAL_STATUS_LABELS, UNSTATED_LEVEL } from './labels.ts'

/** Badge colours of the coverage matrix, reused: a reader learns one code. */
const BADGE: Readonly<Record<OfficialRowStatus, string>> = {
  covered: 'verified',
  failed: 'failed',
  error: 'error',
  'not-run': 'not-run',
  manual: 'manual',
  'not-covered': 'not-covered',
}

/**
 * The official grid section: each row of the imported DSR/REM grid under its official number,
 * with our requirements and its status in this run. Empty when the run had no grid.
 */
export function renderOfficialGridSection(report: RunReport): string {
  const grid = report.officialGrid
  if (!grid) return ''
  // The écarts section holds details only for failed requirements: link those, name the others.
  const detailed = new Set(report.coverage.filter((c) => c.status === 'failed' || c.status === 'error').map((c) => c.id))
  const sections = [...new Set(grid.rows.map((row) => row.section))]
  const groups = sections.map((section) => {
    const rows = grid.rows.filter((row) => row.section === section)
    const label = rows.find((row) => row.sectionLabel)?.sectionLabel
    return `<tbody data-section="${esc(section)}"><tr><th colspan="5">${esc(section)}${label ? ` — ${esc(label)}` : ''}</th></tr>${rows.map((row) => gridRow(row, detailed)).join('')}</tbody>`
  })
  const counts = (Object.keys(OFFICIAL_STATUS_LABELS) as OfficialRowStatus[])
    .filter((status) => grid.summary[status] > 0)
    .map((status) => `${esc(OFFICIAL_STATUS_LABELS[status])} : ${frNumber(grid.summary[status])}`)
    .join(', ')
  return `<section id="grille-officielle"><h2>Grille officielle</h2>
<p>Grille <strong>${esc(grid.source.file)}</strong>${grid.source.sheet ? `, feuille « ${esc(grid.source.sheet)} »` : ''}, importée le ${esc(grid.source.importedAt)} (sha256 <code>${esc(grid.source.sha256)}</code>) : ${frNumber(grid.rows.length)} ligne(s) — ${counts || 'aucune'}.</p>
<p><small>Une ligne est couverte quand toutes nos exigences qui lui correspondent sont vérifiées par le banc dans cette campagne ; la numérotation et les énoncés viennent de la grille importée.</small></p>
<table id="grille"><thead><tr><th>Réf. officielle</th><th>Énoncé</th><th>Niveau</th><th>Nos exigences</th><th>Statut</th></tr></thead>
${groups.join('\n')}
</table></section>`
}

function gridRow(row: OfficialRowCoverage, detailed: ReadonlySet<string>): string {
  const ids = row.requirements.map((id) => (detailed.has(id) ? `<a href="#${anchor('req', id)}">${esc(id)}</a>` : esc(id))).join(', ')
  const note = row.note ? `<br><small>${esc(row.note)}</small>` : ''
  return `<tr data-reference="${esc(row.reference)}" data-status="${esc(row.status)}"><td><code>${esc(row.reference)}</code></td><td>${esc(row.text)}</td>` +
    `<td>${esc(row.level ? LEVEL_LABELS[row.level] : UNSTATED_LEVEL)}</td><td>${ids || '—'}</td><td><span class="badge ${esc(BADGE[row.status])}">${esc(OFFICIAL_STATUS_LABELS[row.status])}</span>${note}</td></tr>`
}
