import { MAX_DAY, parseDay } from './day.ts'
import { splitQuoted } from './csv-fields.ts'
import type { BadRowCollector, BadRowReason } from './bad-rows.ts'
import type { FileLayout } from './export-format.ts'
import type { LineHandler } from './line-source.ts'
import type { UsagerTable } from './usager-table.ts'

/** FINESS géographique: 9 characters, a department (2 digits, or 2A/2B in Corsica) then 7 digits. */
const FINESS = /^(?:[0-9]{2}|2[AB])[0-9]{7}$/

interface UsagerFields {
  readonly id: string
  readonly finess: string
  readonly admission: string
  readonly exit: string
  readonly ins: string
}

function cellOf(cells: readonly string[], columns: Readonly<Record<string, number>>, name: string): string {
  const i = columns[name] ?? -1
  return i < 0 ? '' : cells[i]!
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : ''
}

/** What the usager rows tell beyond the table: INS of each record, for the cross-check. */
export interface UsagerSink {
  readonly table: UsagerTable
  readonly badRows: BadRowCollector
  /** Called for records with an INS, when a cross-check needs them. */
  readonly onIns?: (index: number, ins: string) => void
}

/**
 * Line handler for a usagers file. Usager files are small next to event files (1 row per record),
 * so rows are decoded as text; event rows take the byte fast path (event-rows.ts).
 */
export function usagerLineHandler(path: string, layout: FileLayout, sink: UsagerSink): LineHandler {
  const separator = String.fromCharCode(layout.separator)
  const col = layout.columns
  return (buf, start, end, line): void => {
    if (line === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3
    if (layout.format === 'csv' && line === 1) return
    if (start === end) return
    const row = buf.toString('utf8', start, end)
    if (row.trim() === '') return
    const fields = layout.format === 'ndjson' ? fromJson(row) : fromCsv(row)
    if (typeof fields === 'string') return sink.badRows.add(path, line, fields, buf, start, end)
    const reason = check(fields, sink)
    if (reason !== undefined) sink.badRows.add(path, line, reason, buf, start, end)
  }

  function fromJson(row: string): UsagerFields | BadRowReason {
    let record: unknown
    try {
      record = JSON.parse(row)
    } catch {
      return 'json-invalid'
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return 'json-invalid'
    const r = record as Record<string, unknown>
    return { id: text(r['usager_id']), finess: text(r['finess']), admission: text(r['admission_date']), exit: text(r['exit_date']), ins: text(r['ins']) }
  }

  function fromCsv(row: string): UsagerFields | BadRowReason {
    const cells = row.includes('"') ? splitQuoted(row, separator) : row.split(separator).map((c) => c.trim())
    if (cells === undefined || cells.length !== layout.columnCount) return 'column-count'
    return {
      id: cellOf(cells, col, 'usager_id'),
      finess: cellOf(cells, col, 'finess'),
      admission: cellOf(cells, col, 'admission_date'),
      exit: cellOf(cells, col, 'exit_date'),
      ins: cellOf(cells, col, 'ins'),
    }
  }
}

/** Checks a row and adds the record; returns why it is bad, if it is. */
function check(fields: UsagerFields, sink: UsagerSink): BadRowReason | undefined {
  if (fields.id === '') return 'usager-id-missing'
  if (!FINESS.test(fields.finess)) return 'finess-invalid'
  const admission = parseDay(fields.admission)
  const exit = fields.exit === '' ? MAX_DAY : parseDay(fields.exit)
  if (Number.isNaN(admission) || Number.isNaN(exit)) return 'date-invalid'
  if (exit < admission) return 'exit-before-admission'
  const index = sink.table.add(fields.id, fields.finess, admission, exit)
  if (index < 0) return 'usager-duplicate'
  if (fields.ins !== '' && sink.onIns !== undefined) sink.onIns(index, fields.ins)
  return undefined
}
