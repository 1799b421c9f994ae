import { describe, expect, it } from 'vitest'
import { decodeText } from '../../../../harness/requirements/grid/decode-text.ts'

describe('grid text decoding', () => {
  it('drops a UTF-8 BOM and reads UTF-8 with or without it', () => {
    expect(decodeText(Buffer.from('\uFEFFRéférence;Énoncé', 'utf8'), 'g.csv')).toEqual({ text: 'Référence;Énoncé', encoding: 'utf-8' })
    expect(decodeText(Buffer.from('Référence;Énoncé', 'utf8'), 'g.csv')).toEqual({ text: 'Référence;Énoncé', encoding: 'utf-8' })
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8 (é, €, apostrophe ’)', () => {
    const bytes = Buffer.from([0x52, 0xe9, 0x66, 0x3b, 0x80, 0x3b, 0x6c, 0x92, 0x49, 0x4e, 0x53])
    expect(decodeText(bytes, 'g.csv')).toEqual({ text: 'Réf;€;l’INS', encoding: 'windows-1252' })
  })

  it('reads UTF-16 with its BOM (Excel « texte Unicode »)', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Réf\tÉnoncé', 'utf16le')])
    expect(decodeText(bytes, 'g.csv')).toEqual({ text: 'Réf\tÉnoncé', encoding: 'utf-16le' })
  })

  it('refuses a binary file, naming the line of the first control character', () => {
    expect(() => decodeText(Buffer.from('a;b\nc;\u0000d\n', 'utf8'), 'g.csv')).toThrow('g.csv : encodage non reconnu (caractère de contrôle U+0000 ligne 2)')
  })

  it('refuses bytes Windows-1252 leaves undefined (0x81) in a file that is not UTF-8', () => {
    expect(() => decodeText(Buffer.from([0x61, 0x3b, 0xe9, 0x0a, 0x81]), 'g.csv')).toThrow(/encodage non reconnu \(caractère de contrôle U\+0081 ligne 2\)/)
  })

  it('refuses a file whose UTF-8 BOM announces what its bytes are not', () => {
    expect(() => decodeText(Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe9]), 'g.csv')).toThrow(/encodage invalide/)
  })
})
