import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { RunReport } from '../../harness/core/report.ts'
import type { ImportedGrid } from '../../harness/requirements/grid/index.ts'
import { buildXlsx, SYNTHETIC_GRID_ROWS } from '../fixtures/grids/build-xlsx.ts'
import { REPO_ROOT, runCli } from '../helpers/cli.ts'

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/grids/${name}`, import.meta.url))
const schema = (name: string) => new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'docs', name), 'utf8')) as object)

describe('dui-harness requirements import', () => {
  it('imports a « ; » CSV with a user mapping: French summary per section, the imported grid written in the working directory', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'grid-import-'))
    const result = await runCli(['requirements', 'import', fixture('synthetic-dsr-semicolon.csv'), '--mapping', fixture('synthetic-user-mapping.json')], { cwd })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Grille officielle : synthetic-dsr-semicolon.csv (CSV UTF-8, séparateur « ; », en-tête ligne 2) — 6 ligne(s) d\'exigence')
    expect(result.stdout).toMatch(/^Section +Lignes +Automatiques +Manuelles +Non couvertes$/m)
    expect(result.stdout).toMatch(/^INS +1 +1 +0 +0$/m)
    expect(result.stdout).toMatch(/^ANN +2 +2 +0 +0$/m)
    expect(result.stdout).toMatch(/^SYNTH +3 +0 +1 +2$/m)
    expect(result.stdout).toMatch(/^Total +6 +3 +1 +2$/m)
    expect(result.stdout).toContain('Lignes non importées (sans référence d\'exigence) : 6')
    const written = JSON.parse(readFileSync(join(cwd, 'dui-harness.grid.json'), 'utf8')) as ImportedGrid
    const validate = schema('official-grid.schema.json')
    expect(validate(written), JSON.stringify(validate.errors)).toBe(true)
    expect(written.rows.find((r) => r.reference === 'INS/va1.53')).toMatchObject({ requirements: ['INS-005', 'DOC-008'], mappedAs: 'automatic' })
  })

  it('imports a sheet of an .xlsx workbook, summary in JSON', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-import-xlsx-'))
    const workbook = join(dir, 'grille.xlsx')
    writeFileSync(workbook, buildXlsx([{ name: 'Notice', rows: [['synthétique']] }, { name: 'Exigences', rows: SYNTHETIC_GRID_ROWS }]))
    const out = join(dir, 'importee.json')
    const result = await runCli(['requirements', 'import', workbook, '--sheet', 'Exigences', '--out', out, '--json'])
    expect(result.code, result.stderr).toBe(0)
    const summary = JSON.parse(result.stdout) as { out: string; rows: number; sections: unknown[]; source: { sheet: string } }
    expect(summary).toMatchObject({ out, rows: 3, source: { kind: 'xlsx', sheet: 'Exigences' } })
    expect(summary.sections).toEqual([
      { section: 'ANN', rows: 2, automatic: 2, manual: 0, notCovered: 0 },
      { section: 'SYNTH', rows: 1, automatic: 0, manual: 0, notCovered: 1 },
    ])
    expect(existsSync(out)).toBe(true)
  })

  it('refuses a grid without its text column and a mapping naming an id we do not have: one line, exit 4, nothing written', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'grid-import-bad-'))
    writeFileSync(join(cwd, 'grille.csv'), 'SECTION;Référence;Catégorie\nINS_x;INS/a;Exigence (Doit)\n')
    const missing = await runCli(['requirements', 'import', 'grille.csv'], { cwd })
    expect(missing.code).toBe(4)
    expect(missing.stderr).toBe('dui-harness: grille.csv : colonne(s) manquante(s) : énoncé (enonceExigence, description) — en-têtes lus ligne 1 : « SECTION », « Référence », « Catégorie »\n')
    writeFileSync(join(cwd, 'mapping.json'), JSON.stringify({ mappings: [{ reference: 'SYNTH/t.03', requirements: ['DMP-999'] }] }))
    const unknown = await runCli(['requirements', 'import', fixture('synthetic-dsr-semicolon.csv'), '--mapping', 'mapping.json'], { cwd })
    expect(unknown.code).toBe(4)
    expect(unknown.stderr).toBe('dui-harness: correspondance mapping.json : SYNTH/t.03 renvoie à des exigences inconnues du catalogue : DMP-999\n')
    expect(existsSync(join(cwd, 'dui-harness.grid.json'))).toBe(false)
  })

  it('a campaign configured with the imported grid judges each official row: covered, failed, not run, manual, not covered', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'grid-run-'))
    const imported = await runCli(['requirements', 'import', fixture('synthetic-dsr-semicolon.csv'), '--mapping', fixture('synthetic-user-mapping.json')], { cwd })
    expect(imported.code, imported.stderr).toBe(0)
    writeFileSync(join(cwd, 'dui-harness.config.json'), JSON.stringify({ grid: 'dui-harness.grid.json', out: 'runs' }))
    // The seeded defect breaks ANN-002 only: ANN/va1.03 fails, ANN/va1.04 stays covered.
    const run = await runCli(['run', '--candidate', 'reference:annuaire-first-email', '--scenarios', 'ann-correspondent-mssante'], { cwd })
    expect(run.code, run.stdout + run.stderr).toBe(3)
    const [runId] = readdirSync(join(cwd, 'runs'))
    const dir = join(cwd, 'runs', runId!)
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport
    const validate = schema('report.schema.json')
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true)
    expect(report.officialGrid!.rows.map((r) => [r.reference, r.status])).toEqual([
      ['INS/va1.53', 'not-run'],
      ['ANN/va1.03', 'failed'],
      ['ANN/va1.04', 'covered'],
      ['SYNTH/t.01', 'not-covered'],
      ['SYNTH/t.02', 'manual'],
      ['SYNTH/t.03', 'not-covered'],
    ])
    expect(report.officialGrid!.summary).toEqual({ failed: 1, error: 0, 'not-run': 1, manual: 1, covered: 1, 'not-covered': 2 })
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toContain('| ANN/va1.03 | ANN | exigence | ANN-002 | non conforme | non conforme : ANN-002 |')
    expect(readFileSync(join(dir, 'report.html'), 'utf8')).toMatch(/<tr data-reference="ANN\/va1.04" data-status="covered">/)
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('<property name="official" value="ANN/va1.03"/>')
  })

  it('a configured grid that cannot be read stops the run before it starts: one line, exit 4', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'grid-run-bad-'))
    writeFileSync(join(cwd, 'dui-harness.config.json'), JSON.stringify({ grid: 'absente.json', out: 'runs' }))
    const run = await runCli(['run', '--scenarios', 'ann-correspondent-mssante'], { cwd })
    expect(run.code).toBe(4)
    expect(run.stderr).toBe('dui-harness: grille officielle importée absente.json illisible : ENOENT\n')
    expect(existsSync(join(cwd, 'runs'))).toBe(false)
  })
})
