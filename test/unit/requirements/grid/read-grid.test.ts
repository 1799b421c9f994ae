import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { GridInputError, readGrid } from '../../../../harness/requirements/grid/index.ts'
import { buildXlsx, SYNTHETIC_GRID_ROWS } from '../../../fixtures/grids/build-xlsx.ts'

const fixture = (name: string) => fileURLToPath(new URL(`../../../fixtures/grids/${name}`, import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'grid-read-'))
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name)
  writeFileSync(path, content)
  return path
}
const refusal = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal') }, (error: unknown) => error as Error)

describe('official grid reading', () => {
  it('reads a « ; » CSV with a BOM, a title above the header and a group line: rows normalised, nothing lost', async () => {
    const grid = await readGrid(fixture('synthetic-dsr-semicolon.csv'))
    expect(grid.source).toMatchObject({ file: 'synthetic-dsr-semicolon.csv', kind: 'csv', encoding: 'utf-8', separator: ';', headerLine: 2 })
    expect(grid.rows.map((r) => [r.line, r.section, r.reference, r.level])).toEqual([
      [3, 'INS', 'INS/va1.53', 'EXIGENCE'],
      [4, 'ANN', 'ANN/va1.03', 'EXIGENCE'],
      [5, 'ANN', 'ANN/va1.04', 'EXIGENCE'],
      [7, 'SYNTH', 'SYNTH/t.01', 'PRECONISATION'],
      [8, 'SYNTH', 'SYNTH/t.02', 'EXIGENCE'],
      [9, 'SYNTH', 'SYNTH/t.03', 'EXIGENCE'],
    ])
    expect(grid.rows[0]).toEqual({
      line: 3,
      section: 'INS',
      sectionLabel: 'Gestion de l\'ins',
      reference: 'INS/va1.53',
      text: '[synthétique] Le système ne transmet pas l\'INS d\'une identité qui n\'est pas qualifiée.',
      level: 'EXIGENCE',
      proof: { reference: 'PR-1', nature: 'Capture d\'écran', check: 'Contrôle visuel' },
      profile: 'Général',
      bloc: 'Transmission',
      fonction: 'Documents',
    })
    expect(grid.rows[1]).not.toHaveProperty('proof')
    expect(grid.skipped).toEqual([{ line: 6, reason: 'ligne sans référence d\'exigence (titre ou regroupement), non importée' }])
  })

  it('reads a « , » CSV with quoted line breaks; a reference repeated with the same text is one row with both proofs', async () => {
    const grid = await readGrid(fixture('synthetic-quoted-newlines.csv'))
    expect(grid.source).toMatchObject({ separator: ',', headerLine: 1 })
    expect(grid.rows).toHaveLength(2)
    expect(grid.rows[0]!.text).toBe('[synthétique] Premier paragraphe, avec une virgule.\nSecond paragraphe : « guillemets » et "doubles guillemets".')
    expect(grid.rows[0]!.proof).toEqual({ reference: 'PR-1\nPR-2' })
    expect(grid.rows[1]).toMatchObject({ line: 4, reference: 'SYNTH/t.01', section: 'SYNTH', sectionLabel: 'Essai', level: 'PRECONISATION' })
  })

  it('reads the same grid saved in Windows-1252 identically', async () => {
    const utf8 = readFileSync(fixture('synthetic-dsr-semicolon.csv'), 'utf8').replace(/^\uFEFF/, '')
    const cp1252 = await readGrid(file('grille-ansi.csv', Buffer.from(utf8, 'latin1')))
    expect(cp1252.source.encoding).toBe('windows-1252')
    expect(cp1252.rows).toEqual((await readGrid(fixture('synthetic-dsr-semicolon.csv'))).rows)
  })

  it('reads an .xlsx workbook (told by its content, whatever its name)', async () => {
    const grid = await readGrid(file('export.csv', buildXlsx([{ name: 'Exigences', rows: SYNTHETIC_GRID_ROWS }])))
    expect(grid.source).toMatchObject({ kind: 'xlsx', sheet: 'Exigences', headerLine: 2 })
    expect(grid.rows.map((r) => [r.line, r.reference, r.level, r.section])).toEqual([
      [3, 'ANN/va1.03', 'EXIGENCE', 'ANN'],
      [4, 'ANN/va1.04', 'PRECONISATION', 'ANN'],
      [5, 'SYNTH/t.09', 'EXIGENCE', 'SYNTH'],
    ])
    expect(grid.rows[0]!.proof).toEqual({ reference: 'PR-7', nature: 'Capture', check: 'Visuel' })
  })

  it('accepts header variants: accents, case, « N° d\'exigence », « Chapitre », « ÉNONCÉ », « Catégorie »', async () => {
    const grid = await readGrid(file('variantes.csv', 'N° d\'exigence;Chapitre;ÉNONCÉ;Catégorie\nDMP/x.1;DMP_Alimentation;[synthétique] texte;exigence\n'))
    expect(grid.rows[0]).toMatchObject({ reference: 'DMP/x.1', section: 'DMP', sectionLabel: 'Alimentation', text: '[synthétique] texte', level: 'EXIGENCE' })
  })

  it('names the missing column and the headers it read', async () => {
    const error = await refusal(readGrid(file('sans-enonce.csv', 'SECTION;Référence;Catégorie;REF_PREUVE\nINS_x;INS/a;Exigence (Doit);p\n')))
    expect(error).toBeInstanceOf(GridInputError)
    expect(error.message).toBe('sans-enonce.csv : colonne(s) manquante(s) : énoncé (enonceExigence, description) — en-têtes lus ligne 1 : « SECTION », « Référence », « Catégorie », « REF_PREUVE »')
  })

  it('reads a grid without a category column (ANS convergence template): rows have no level', async () => {
    const grid = await readGrid(file('sans-categorie.csv', 'SECTION;Référence;Énoncé;REF_PREUVE\nINS_x;INS/a;[synthétique] texte;p\n'))
    expect(grid.rows).toHaveLength(1)
    expect(grid.rows[0]).toMatchObject({ reference: 'INS/a', section: 'INS', text: '[synthétique] texte' })
    expect(grid.rows[0]!.level).toBeUndefined()
  })

  it('refuses a row whose category, text or section it cannot read, and a reference repeated with another text, with the line', async () => {
    const header = 'SECTION;Référence;Énoncé;Catégorie\n'
    expect((await refusal(readGrid(file('cat.csv', `${header}INS_x;INS/a;texte;Obligatoire\n`)))).message).toBe('cat.csv ligne 2 (INS/a) : catégorie « Obligatoire » non reconnue (attendu « Exigence (Doit) » ou « Préconisation (Peut) »)')
    expect((await refusal(readGrid(file('vide.csv', `${header}INS_x;INS/a;;Exigence (Doit)\n`)))).message).toBe('vide.csv ligne 2 (INS/a) : énoncé vide')
    expect((await refusal(readGrid(file('sec.csv', `${header};INS/a;texte;Exigence (Doit)\n`)))).message).toBe('sec.csv ligne 2 (INS/a) : section vide')
    expect((await refusal(readGrid(file('double.csv', `${header}INS_x;INS/a;texte;Exigence (Doit)\nINS_x;ins/A ;autre texte;Exigence (Doit)\n`)))).message).toBe(
      'double.csv ligne 3 (ins/A) : référence déjà présente ligne 2 avec un autre énoncé',
    )
  })

  it('refuses an empty grid, a legacy .xls, --sheet on a CSV and a file it cannot read', async () => {
    expect((await refusal(readGrid(file('entete.csv', 'SECTION;Référence;Énoncé;Catégorie\n')))).message).toBe('entete.csv : aucune ligne d\'exigence sous l\'en-tête (ligne 1)')
    expect((await refusal(readGrid(file('vieux.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))))).message).toMatch(/Excel 97-2003 \(\.xls\) non pris en charge/)
    expect((await refusal(readGrid(fixture('synthetic-quoted-newlines.csv'), { sheet: 'A' }))).message).toMatch(/--sheet ne s'applique qu'à un classeur \.xlsx/)
    expect((await refusal(readGrid(join(dir, 'absent.csv')))).message).toBe(`${join(dir, 'absent.csv')} : fichier illisible (ENOENT)`)
  })
})
