import { strToU8, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { GridInputError } from '../../../../harness/requirements/grid/grid-input-error.ts'
import { readXlsxTable } from '../../../../harness/requirements/grid/xlsx-table.ts'
import { buildXlsx, SYNTHETIC_GRID_ROWS } from '../../../fixtures/grids/build-xlsx.ts'

const failure = (promise: Promise<unknown>) => promise.then(() => { throw new Error('expected a refusal') }, (error: unknown) => error as Error)

describe('XLSX grid reader', () => {
  it('reads the first sheet through shared strings: rich-text runs joined, phonetic runs left out, numbers as written', async () => {
    const xlsx = buildXlsx([{ name: 'Exigences', rows: [...SYNTHETIC_GRID_ROWS, ['Général', 'X_y', null, null, 'Exigence (Doit)', 42, 'texte']] }], { richFirstString: true })
    const table = await readXlsxTable(xlsx, 'g.xlsx')
    expect(table.sheet).toBe('Exigences')
    expect(table.rows[0]).toEqual({ line: 1, cells: [SYNTHETIC_GRID_ROWS[0]![0]] })
    expect(table.rows[2]!.cells[6]).toBe('[synthétique] Adresse MSSanté du correspondant prise dans l\'Annuaire Santé.\nSecond paragraphe.')
    // Empty cells between filled ones keep every column in place.
    expect(table.rows[3]!.cells.slice(0, 7)).toEqual(['Général', 'ANN_Annuaire santé', '', '', 'Préconisation (Peut)', 'ANN/va1.04', '[synthétique] Appel à l\'API FHIR de l\'Annuaire Santé.'])
    expect(table.rows[5]!.cells[5]).toBe('42')
    expect(JSON.stringify(table.rows)).not.toContain('PHONETIQUE')
  })

  it('reads inline strings the same way', async () => {
    const shared = await readXlsxTable(buildXlsx([{ name: 'A', rows: SYNTHETIC_GRID_ROWS }]), 'g.xlsx')
    const inline = await readXlsxTable(buildXlsx([{ name: 'A', rows: SYNTHETIC_GRID_ROWS }], { inlineStrings: true }), 'g.xlsx')
    expect(inline.rows).toEqual(shared.rows)
  })

  it('reads the sheet named (case aside) and lists the sheets when the name is unknown', async () => {
    const xlsx = buildXlsx([{ name: 'Lisez-moi', rows: [['rien']] }, { name: 'Exigences REM', rows: SYNTHETIC_GRID_ROWS }])
    expect((await readXlsxTable(xlsx, 'g.xlsx')).sheet).toBe('Lisez-moi')
    const named = await readXlsxTable(xlsx, 'g.xlsx', 'exigences rem')
    expect(named.sheet).toBe('Exigences REM')
    expect(named.rows[1]!.cells[0]).toBe('PROFIL')
    expect((await failure(readXlsxTable(xlsx, 'g.xlsx', 'Onglet'))).message).toBe('g.xlsx : feuille « Onglet » absente (feuilles du classeur : « Lisez-moi », « Exigences REM »)')
  })

  it('refuses a sheet carrying a DOCTYPE (no DTD, no entity is ever read)', async () => {
    const xlsx = buildXlsx([{ name: 'A', rows: SYNTHETIC_GRID_ROWS }], { sheetPrologue: '<!DOCTYPE worksheet [<!ENTITY x "boom">]>' })
    const error = await failure(readXlsxTable(xlsx, 'g.xlsx'))
    expect(error).toBeInstanceOf(GridInputError)
    expect(error.message).toMatch(/^g\.xlsx : xl\/worksheets\/sheet1\.xml refusé — Document refusé : une déclaration DOCTYPE est présente/)
  })

  it('refuses a decompression bomb before inflating it', async () => {
    const bomb = new Uint8Array(8 * 1024 * 1024)
    const xlsx = buildXlsx([{ name: 'A', rows: SYNTHETIC_GRID_ROWS }], { entries: { 'xl/media/image1.png': bomb } })
    expect(xlsx.length).toBeLessThan(100_000)
    const error = await failure(readXlsxTable(xlsx, 'g.xlsx'))
    expect(error.message).toMatch(/^g\.xlsx : archive refusée : l'entrée xl\/media\/image1\.png se décompresse \d+ fois .*bombe de décompression probable/)
  })

  it('refuses a broken zip, a workbook without its sheet part, a dangling shared string and an absurd cell reference', async () => {
    expect((await failure(readXlsxTable(Buffer.from('PK\u0003\u0004 pas un zip'), 'g.xlsx'))).message).toMatch(/^g\.xlsx : archive ZIP illisible/)
    const noSheet = Buffer.from(zipSync({ '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"/>') }))
    expect((await failure(readXlsxTable(noSheet, 'g.xlsx'))).message).toBe('g.xlsx : partie xl/workbook.xml absente du classeur (fichier .xlsx incomplet)')
    const dangling = buildXlsx([{ name: 'A', rows: [['x']] }], {
      entries: { 'xl/worksheets/sheet1.xml': strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="B1" t="s"><v>7</v></c></row></sheetData></worksheet>') },
    })
    expect((await failure(readXlsxTable(dangling, 'g.xlsx'))).message).toBe('g.xlsx : cellule B1 renvoie à la chaîne partagée n° 7, absente du classeur')
    const wide = buildXlsx([{ name: 'A', rows: [['x']] }], {
      entries: { 'xl/worksheets/sheet1.xml': strToU8('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZZZ1"><v>1</v></c></row></sheetData></worksheet>') },
    })
    expect((await failure(readXlsxTable(wide, 'g.xlsx'))).message).toMatch(/référence de cellule ZZZZZZ1 hors des 16384 colonnes/)
  })
})
