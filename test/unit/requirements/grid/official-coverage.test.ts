import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { CoverageStatus, RequirementCoverage } from '../../../../harness/core/report.ts'
import { Catalogue } from '../../../../harness/requirements/catalogue.ts'
import type { Requirement } from '../../../../harness/requirements/requirement.ts'
import {
  buildImportedGrid,
  loadImportedGrid,
  loadMapping,
  mappingFromCatalogue,
  officialGridCoverage,
  type OfficialRow,
  type ReadGrid,
} from '../../../../harness/requirements/grid/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'grid-coverage-'))
const requirement = (id: string, automation: Requirement['automation'] = 'automatic', officialRef?: string): Requirement => ({
  id,
  section: id.split('-')[0] as Requirement['section'],
  title: `Titre ${id}`,
  text: 'Texte de l\'exigence.',
  level: 'EXIGENCE',
  proof: 'Preuve',
  automation,
  ...(officialRef ? { officialRef, source: 'https://example.test/source', sourceStatus: 'secondary' as const } : {}),
})
const catalogue = new Catalogue([
  requirement('INS-005', 'automatic', 'INS/va1.53'),
  requirement('DOC-008'),
  requirement('ANN-001', 'automatic', 'ANN/va1.04'),
  requirement('ANN-002', 'automatic', 'ANN/va1.03'),
  requirement('MSS-013', 'manual', 'MSS/va1.14'),
  requirement('DMP-001'),
])
const row = (reference: string, line: number): OfficialRow => ({ line, section: reference.split('/')[0]!, reference, text: `[synthétique] ${reference}`, level: 'EXIGENCE' })
const read: ReadGrid = {
  source: { file: 'g.csv', sha256: 'a'.repeat(64), kind: 'csv', encoding: 'utf-8', separator: ';', headerLine: 1 },
  rows: [row('INS/va1.53', 2), row('ANN/va1.03', 3), row('ANN/va1.04', 4), row('MSS/va1.14', 5), row('SYNTH/t.01', 6), row('SYNTH/t.02', 7), row('SYNTH/t.03', 8), row('SYNTH/t.04', 9)],
  skipped: [{ line: 10, reason: 'titre' }],
}
function userMapping(): ReturnType<typeof loadMapping> {
  const path = join(dir, 'user.json')
  writeFileSync(
    path,
    JSON.stringify({
      mappings: [
        { reference: 'INS/va1.53', requirements: ['INS-005', 'DOC-008'] },
        { reference: 'SYNTH/t.01', requirements: [], reason: 'hors périmètre du banc' },
        { reference: 'SYNTH/t.02', requirements: [], manualProof: 'capture de l\'écran' },
        { reference: 'SYNTH/t.03', requirements: ['DMP-001'], manualProof: 'et une capture' },
        { reference: 'PAS/dans.la.grille', requirements: ['DMP-001'] },
      ],
    }),
  )
  return loadMapping(path, catalogue, 'user.json')
}
const grid = buildImportedGrid(read, [mappingFromCatalogue(catalogue), userMapping()], catalogue, new Date('2026-01-02T03:04:05Z'))
const coverageWith = (statuses: Record<string, CoverageStatus>): RequirementCoverage[] =>
  catalogue.requirements.map((r) => ({ id: r.id, section: r.section, title: r.title, level: r.level, automation: r.automation, status: statuses[r.id] ?? 'verified', verifiedBy: [] }))

describe('imported official grid', () => {
  it('maps each row: automatic requirements only, a manual proof in the loop, or nothing', () => {
    expect(grid.rows.map((r) => [r.reference, r.requirements, r.mappedAs])).toEqual([
      ['INS/va1.53', ['INS-005', 'DOC-008'], 'automatic'],
      ['ANN/va1.03', ['ANN-002'], 'automatic'],
      ['ANN/va1.04', ['ANN-001'], 'automatic'],
      ['MSS/va1.14', ['MSS-013'], 'manual'],
      ['SYNTH/t.01', [], 'not-covered'],
      ['SYNTH/t.02', [], 'manual'],
      ['SYNTH/t.03', ['DMP-001'], 'manual'],
      ['SYNTH/t.04', [], 'not-covered'],
    ])
    expect(grid.rows[4]!.reason).toBe('hors périmètre du banc')
    expect(grid.unusedMappings).toEqual(['PAS/dans.la.grille'])
    expect(grid.mappings.map((m) => m.file)).toEqual(['catalogue (champs officialRef)', 'user.json'])
    expect(grid.importedAt).toBe('2026-01-02T03:04:05.000Z')
  })

  it('judges rows by the run: covered only when the bench verified every mapped requirement', () => {
    const judged = officialGridCoverage(grid, coverageWith({ 'DOC-008': 'failed', 'ANN-002': 'not-run', 'MSS-013': 'manual' }))
    expect(judged.rows.map((r) => [r.reference, r.status, r.note])).toEqual([
      ['INS/va1.53', 'failed', 'non conforme : DOC-008'],
      ['ANN/va1.03', 'not-run', 'non exécutée(s) dans cette campagne : ANN-002'],
      ['ANN/va1.04', 'covered', undefined],
      ['MSS/va1.14', 'manual', 'preuve manuelle attendue : MSS-013'],
      ['SYNTH/t.01', 'not-covered', 'hors périmètre du banc'],
      ['SYNTH/t.02', 'manual', 'preuve manuelle attendue : capture de l\'écran'],
      ['SYNTH/t.03', 'manual', 'preuve manuelle attendue : et une capture'],
      ['SYNTH/t.04', 'not-covered', 'aucune exigence du banc ne correspond à cette ligne (fichier de correspondance)'],
    ])
    expect(judged.summary).toEqual({ failed: 1, error: 0, 'not-run': 1, manual: 3, covered: 1, 'not-covered': 2 })
    expect(judged.source).toEqual({ file: 'g.csv', sha256: 'a'.repeat(64), importedAt: '2026-01-02T03:04:05.000Z' })
  })

  it('a failure wins over an error, an error over a requirement not run', () => {
    const judge = (statuses: Record<string, CoverageStatus>) => officialGridCoverage(grid, coverageWith(statuses)).rows[0]!.status
    expect(judge({})).toBe('covered')
    expect(judge({ 'INS-005': 'error', 'DOC-008': 'failed' })).toBe('failed')
    expect(judge({ 'INS-005': 'error', 'DOC-008': 'not-run' })).toBe('error')
    expect(judge({ 'DOC-008': 'not-run' })).toBe('not-run')
  })

  it('is read back for a run, and refused when it is not an imported grid or names ids the catalogue lost', () => {
    const good = join(dir, 'grid.json')
    writeFileSync(good, JSON.stringify(grid))
    expect(loadImportedGrid(good, catalogue)).toEqual(grid)
    const other = join(dir, 'other.json')
    writeFileSync(other, JSON.stringify({ rows: [] }))
    expect(() => loadImportedGrid(other, catalogue)).toThrow(/non conforme \(attendu le fichier écrit par « dui-harness requirements import »\)/)
    const smaller = new Catalogue(catalogue.requirements.filter((r) => r.id !== 'DOC-008'))
    expect(() => loadImportedGrid(good, smaller)).toThrow(`grille officielle importée ${good} : exigences inconnues du catalogue actuel : DOC-008 (refaire « dui-harness requirements import »)`)
    expect(() => loadImportedGrid(join(dir, 'absent.json'), catalogue)).toThrow(/illisible : ENOENT/)
  })
})
