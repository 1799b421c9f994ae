import type { ImportedGrid } from './imported-grid.ts'

/** Counts of one section of an imported grid, as `requirements import` prints them. */
export interface SectionSummary {
  readonly section: string
  readonly rows: number
  /** Rows checked by automatic requirements of ours only. */
  readonly automatic: number
  /** Rows needing a manual proof (a manual requirement of ours, or the mapping's manualProof). */
  readonly manual: number
  readonly notCovered: number
}

/** Sections in the order the grid lists them. */
export function summariseBySection(grid: ImportedGrid): SectionSummary[] {
  const sections = [...new Set(grid.rows.map((row) => row.section))]
  return sections.map((section) => {
    const rows = grid.rows.filter((row) => row.section === section)
    return {
      section,
      rows: rows.length,
      automatic: rows.filter((row) => row.mappedAs === 'automatic').length,
      manual: rows.filter((row) => row.mappedAs === 'manual').length,
      notCovered: rows.filter((row) => row.mappedAs === 'not-covered').length,
    }
  })
}

const COLUMNS = ['Section', 'Lignes', 'Automatiques', 'Manuelles', 'Non couvertes'] as const

/** The French summary printed after an import: one line per section, then what needs a look. */
export function formatImportSummary(grid: ImportedGrid, outPath: string): string {
  const source = grid.source
  const how =
    source.kind === 'xlsx'
      ? `classeur XLSX, feuille « ${source.sheet ?? ''} »`
      : `CSV ${source.encoding?.toUpperCase() ?? ''}, séparateur « ${source.separator === '\t' ? 'tabulation' : (source.separator ?? '')} »`
  const sections = summariseBySection(grid)
  const total = { section: 'Total', rows: grid.rows.length, automatic: sum(sections, 'automatic'), manual: sum(sections, 'manual'), notCovered: sum(sections, 'notCovered') }
  const table = [[...COLUMNS], ...[...sections, total].map((s) => [s.section, String(s.rows), String(s.automatic), String(s.manual), String(s.notCovered)])]
  const widths = COLUMNS.map((_, i) => Math.max(...table.map((cells) => cells[i]!.length)))
  const lines = [
    `Grille officielle : ${source.file} (${how}, en-tête ligne ${source.headerLine}) — ${grid.rows.length} ligne(s) d'exigence`,
    '',
    ...table.map((cells) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')),
    '',
  ]
  if (grid.skipped.length > 0) lines.push(`Lignes non importées (sans référence d'exigence) : ${grid.skipped.map((s) => s.line).join(', ')}`)
  if (grid.unusedMappings.length > 0) lines.push(`Références de la correspondance absentes de cette grille (${grid.unusedMappings.length}) : ${grid.unusedMappings.join(', ')}`)
  lines.push(`Grille importée écrite dans ${outPath} ; pour la campagne : "grid": "${outPath}" dans dui-harness.config.json.`)
  return `${lines.join('\n')}\n`
}

function sum(sections: readonly SectionSummary[], key: 'automatic' | 'manual' | 'notCovered'): number {
  return sections.reduce((total, s) => total + s[key], 0)
}
