import type { Catalogue } from '../catalogue.ts'
import type { CoverageStatus, OfficialGridCoverage, OfficialRowCoverage, OfficialRowStatus, RequirementCoverage, RunReport } from '../../core/report.ts'
import { loadImportedGrid, type ImportedGrid, type ImportedRow } from './imported-grid.ts'

/** Order of the summary, worst first (the same order every report shows). */
const OFFICIAL_STATUS_ORDER: readonly OfficialRowStatus[] = ['failed', 'error', 'not-run', 'manual', 'covered', 'not-covered']

/**
 * The imported grid a run was configured with (`grid` key), read and checked before anything
 * starts, so a bad grid costs no campaign. No key, no grid.
 */
export function loadRunGrid(path: string | undefined, catalogue: Catalogue): ImportedGrid | undefined {
  return path === undefined ? undefined : loadImportedGrid(path, catalogue)
}

/** The report with its `officialGrid` section when the run has a grid; unchanged otherwise. */
export function withOfficialGrid(report: RunReport, grid: ImportedGrid | undefined): RunReport {
  return grid ? { ...report, officialGrid: officialGridCoverage(grid, report.coverage) } : report
}

/** Each official row judged by the coverage of the requirements of ours mapped to it. */
export function officialGridCoverage(grid: ImportedGrid, coverage: readonly RequirementCoverage[]): OfficialGridCoverage {
  const byId = new Map(coverage.map((c) => [c.id, c]))
  const rows = grid.rows.map((row) => judgeRow(row, byId))
  const summary = Object.fromEntries(OFFICIAL_STATUS_ORDER.map((status) => [status, rows.filter((r) => r.status === status).length])) as Record<OfficialRowStatus, number>
  return {
    source: { file: grid.source.file, sha256: grid.source.sha256, importedAt: grid.importedAt, ...(grid.source.sheet ? { sheet: grid.source.sheet } : {}) },
    rows,
    summary,
  }
}

function judgeRow(row: ImportedRow, byId: ReadonlyMap<string, RequirementCoverage>): OfficialRowCoverage {
  const base = {
    reference: row.reference,
    section: row.section,
    ...(row.sectionLabel ? { sectionLabel: row.sectionLabel } : {}),
    ...(row.level ? { level: row.level } : {}),
    text: row.text,
    requirements: row.requirements,
  }
  if (row.requirements.length === 0) {
    if (row.manualProof) return { ...base, status: 'manual', note: `preuve manuelle attendue : ${row.manualProof}` }
    return { ...base, status: 'not-covered', note: row.reason ?? 'aucune exigence du banc ne correspond à cette ligne (fichier de correspondance)' }
  }
  // A requirement the coverage does not list was not judged in this run.
  const status = (id: string): CoverageStatus => byId.get(id)?.status ?? 'not-run'
  const having = (wanted: CoverageStatus) => row.requirements.filter((id) => status(id) === wanted)
  const failed = having('failed')
  if (failed.length > 0) return { ...base, status: 'failed', note: `non conforme : ${failed.join(', ')}` }
  const error = having('error')
  if (error.length > 0) return { ...base, status: 'error', note: `erreur du banc : ${error.join(', ')}` }
  const notRun = having('not-run')
  if (notRun.length > 0) return { ...base, status: 'not-run', note: `non exécutée(s) dans cette campagne : ${notRun.join(', ')}` }
  // Covered only when the bench itself verified every one; anything else waits on a person.
  const pending = row.requirements.filter((id) => status(id) !== 'verified')
  if (pending.length === 0 && !row.manualProof) return { ...base, status: 'covered' }
  const expected = [...(pending.length > 0 ? [pending.join(', ')] : []), ...(row.manualProof ? [row.manualProof] : [])]
  return { ...base, status: 'manual', note: `preuve manuelle attendue : ${expected.join(' ; ')}` }
}
