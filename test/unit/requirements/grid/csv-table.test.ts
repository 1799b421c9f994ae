import { describe, expect, it } from 'vitest'
import { detectSeparator, parseCsv } from '../../../../harness/requirements/grid/csv-table.ts'
import { GridInputError } from '../../../../harness/requirements/grid/grid-input-error.ts'

describe('CSV grid tokenizer (RFC 4180)', () => {
  it('chooses the separator used outside quotes: ; over the commas of quoted text, tab, comma', () => {
    expect(detectSeparator('titre\nA;B;"x, y, z"\n1;2;3\n')).toBe(';')
    expect(detectSeparator('A,B,C\n"x; y",2,3\n')).toBe(',')
    expect(detectSeparator('A\tB\tC\n1\t2\t3\n')).toBe('\t')
    expect(detectSeparator('une seule colonne\n')).toBe(',')
  })

  it('reads quoted fields holding separators, doubled quotes and line breaks, and numbers records by their first line', () => {
    const rows = parseCsv('a;b;c\r\n1;"deux ; lignes\r\nici";"il dit ""oui"""\r\n\r\n4;5;6', ';', 'g.csv')
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b', 'c'] },
      { line: 2, cells: ['1', 'deux ; lignes\r\nici', 'il dit "oui"'] },
      { line: 5, cells: ['4', '5', '6'] },
    ])
  })

  it('counts LF-only and CR-only line breaks inside quotes for the next record line', () => {
    const rows = parseCsv('"x\ny\rz",1\nnext,2\n', ',', 'g.csv')
    expect(rows.map((r) => r.line)).toEqual([1, 4])
    expect(rows[0]!.cells[0]).toBe('x\ny\rz')
  })

  it('keeps a quote inside an unquoted field as text, as spreadsheets write it', () => {
    expect(parseCsv('a 5" b;c\n', ';', 'g.csv')[0]!.cells).toEqual(['a 5" b', 'c'])
  })

  it('refuses a quote left open, naming the line where it opened', () => {
    expect(() => parseCsv('a;b\n1;"jamais fermé\n2;3\n', ';', 'g.csv')).toThrow(GridInputError)
    expect(() => parseCsv('a;b\n1;"jamais fermé\n2;3\n', ';', 'g.csv')).toThrow('g.csv : guillemet ouvert ligne 2 jamais refermé')
  })
})
