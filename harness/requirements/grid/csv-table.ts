import { GridInputError } from './grid-input-error.ts'
import type { TableRow } from './table.ts'

export type CsvSeparator = ';' | ',' | '\t'

const SEPARATORS: readonly CsvSeparator[] = [';', ',', '\t']
/** Records looked at to choose the separator: enough to pass a title block above the header. */
const SNIFF_RECORDS = 20

/**
 * The separator used most often outside quotes over the first records; `;` wins a tie (a French
 * Excel writes `;`). A file with no separator at all is one column, read with `,`.
 */
export function detectSeparator(text: string): CsvSeparator {
  const counts = new Map<CsvSeparator, number>(SEPARATORS.map((s) => [s, 0]))
  let quoted = false
  let records = 0
  for (let i = 0; i < text.length && records < SNIFF_RECORDS; i++) {
    const c = text[i]!
    if (c === '"') quoted = !quoted
    else if (quoted) continue
    else if (c === '\n') records++
    else if (counts.has(c as CsvSeparator)) counts.set(c as CsvSeparator, counts.get(c as CsvSeparator)! + 1)
  }
  let best: CsvSeparator = ','
  let most = 0
  for (const separator of SEPARATORS) {
    const count = counts.get(separator)!
    if (count > most) {
      best = separator
      most = count
    }
  }
  return best
}

/**
 * RFC 4180 records: quoted fields may hold separators, doubled quotes and line breaks (CRLF, LF
 * or CR). Lenient where spreadsheets are: a quote inside an unquoted field is kept as text. Only a
 * quote left open at the end of the file is refused, with the line where it was opened.
 */
export function parseCsv(text: string, separator: CsvSeparator, name: string): TableRow[] {
  const rows: TableRow[] = []
  let cells: string[] = []
  let field = ''
  let line = 1
  let recordLine = 1
  let quotedSince = 0
  let i = 0
  const endRecord = () => {
    cells.push(field)
    // A blank line is no record (spreadsheets end files with one).
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: recordLine, cells })
    cells = []
    field = ''
  }
  while (i < text.length) {
    const c = text[i]!
    if (quotedSince > 0) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quotedSince = 0
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++
        field += c
      }
      i++
      continue
    }
    if (c === '"' && field === '') {
      quotedSince = line
    } else if (c === separator) {
      cells.push(field)
      field = ''
    } else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++
      endRecord()
      line++
      recordLine = line
    } else {
      field += c
    }
    i++
  }
  if (quotedSince > 0) throw new GridInputError(`${name} : guillemet ouvert ligne ${quotedSince} jamais refermé (CSV mal formé)`)
  if (field !== '' || cells.length > 0) endRecord()
  return rows
}
