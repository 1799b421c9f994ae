import { createHash } from 'node:crypto'
import { basename } from 'node:path'
import { InputTooLargeError, readFileLimited } from '../../validate/xml/index.ts'
import { detectSeparator, parseCsv, type CsvSeparator } from './csv-table.ts'
import { findHeader } from './columns.ts'
import { decodeText, type TextEncoding } from './decode-text.ts'
import { GridInputError } from './grid-input-error.ts'
import { normaliseRows } from './normalise-rows.ts'
import type { OfficialRow, SkippedLine } from './official-row.ts'
import type { TableRow } from './table.ts'
import { readXlsxTable } from './xlsx-table.ts'

/** A grid is a few hundred rows; 50 MiB leaves room for a workbook with pictures. */
const MAX_GRID_BYTES = 50 * 1024 * 1024

/** Where the rows came from, kept in the imported grid so a report names its source. */
export interface GridSource {
  /** File name, without its folder. */
  readonly file: string
  readonly sha256: string
  readonly kind: 'csv' | 'xlsx'
  readonly sheet?: string
  readonly encoding?: TextEncoding
  readonly separator?: CsvSeparator
  /** Line of the header row. */
  readonly headerLine: number
}

export interface ReadGrid {
  readonly source: GridSource
  readonly rows: readonly OfficialRow[]
  readonly skipped: readonly SkippedLine[]
}

/**
 * Reads an official DSR/REM grid, CSV or XLSX: the kind is told by the content (a zip is a
 * workbook), never by the file name alone, and an old binary .xls is refused by name.
 */
export async function readGrid(path: string, options: { sheet?: string } = {}): Promise<ReadGrid> {
  const name = basename(path)
  let bytes: Buffer
  try {
    bytes = await readFileLimited(path, MAX_GRID_BYTES)
  } catch (error) {
    if (error instanceof InputTooLargeError) throw new GridInputError(`${name} : ${error.message}`)
    throw new GridInputError(`${path} : fichier illisible (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  let table: { rows: readonly TableRow[]; source: Omit<GridSource, 'headerLine'> }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    const xlsx = await readXlsxTable(bytes, name, options.sheet)
    table = { rows: xlsx.rows, source: { file: name, sha256, kind: 'xlsx', sheet: xlsx.sheet } }
  } else if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw new GridInputError(`${name} : classeur Excel 97-2003 (.xls) non pris en charge ; l'enregistrer en .xlsx ou en CSV`)
  } else {
    if (options.sheet !== undefined) throw new GridInputError(`${name} : --sheet ne s'applique qu'à un classeur .xlsx, pas à un CSV`)
    const { text, encoding } = decodeText(bytes, name)
    const separator = detectSeparator(text)
    table = { rows: parseCsv(text, separator, name), source: { file: name, sha256, kind: 'csv', encoding, separator } }
  }
  const header = findHeader(table.rows, name)
  const { rows, skipped } = normaliseRows(table.rows, header, name)
  if (rows.length === 0) throw new GridInputError(`${name} : aucune ligne d'exigence sous l'en-tête (ligne ${header.line})`)
  return { source: { ...table.source, headerLine: header.line }, rows, skipped }
}
