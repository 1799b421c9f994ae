import type { OfficialRowStatus, RunReport } from '../harness/core/report.ts'
import { LEVEL_LABELS, OFFICIAL_STATUS_LABELS, UNSTATED_LEVEL } from './labels.ts'
import { cell } from './markdown-cell.ts'

/** The « grille officielle » section of summary.md: official numbering first (nothing without a grid). */
export function officialGridLines(report: RunReport): string[] {
  const grid = report.officialGrid
  if (!grid) return []
  const counts = (Object.keys(OFFICIAL_STATUS_LABELS) as OfficialRowStatus[])
    .filter((status) => grid.summary[status] > 0)
    .map((status) => `${OFFICIAL_STATUS_LABELS[status]} : ${grid.summary[status]}`)
    .join(', ')
  const lines = [
    '',
    '## Grille officielle',
    '',
    `Grille \`${cell(grid.source.file)}\`${grid.source.sheet ? ` (feuille « ${cell(grid.source.sheet)} »)` : ''} : ${grid.rows.length} ligne(s) — ${counts || 'aucune'}.`,
    '',
    '| Réf. officielle | Section | Niveau | Nos exigences | Statut | Remarque |',
    '| --- | --- | --- | --- | --- | --- |',
  ]
  for (const row of grid.rows) {
    lines.push(`| ${cell(row.reference)} | ${cell(row.section)} | ${row.level ? LEVEL_LABELS[row.level] : UNSTATED_LEVEL} | ${row.requirements.join(', ') || '—'} | ${OFFICIAL_STATUS_LABELS[row.status]} | ${cell(row.note ?? '')} |`)
  }
  return lines
}
