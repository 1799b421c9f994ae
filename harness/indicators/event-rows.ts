import { parseDay, parseDayBytes } from './day.ts'
import { eventKindIndex, eventKindIndexBytes } from './event-kind.ts'
import { fieldBounds, splitQuoted } from './csv-fields.ts'
import type { BadRowCollector, BadRowReason } from './bad-rows.ts'
import type { ComputationPlan } from './plan.ts'
import type { FileLayout } from './export-format.ts'
import type { LineHandler } from './line-source.ts'

/** What event rows need of the usager table: id lookups and the flags they set. */
export interface EventTable {
  indexOf(id: string): number
  indexOfBytes(buf: Uint8Array, start: number, end: number): number
  readonly flags: Uint32Array
}

export interface EventSink {
  readonly table: EventTable
  /** From the computation plan: flag words per usager, and the (range, bit) checks of each kind. */
  readonly words: number
  readonly checksByKind: ComputationPlan['checksByKind']
  readonly badRows: BadRowCollector
  /** Events used, by kind index. */
  readonly countsByKind: Float64Array
  /** Called for every valid event when a cross-check needs the exported traffic. */
  readonly onEvent?: (index: number, kind: number, day: number) => void
}

/**
 * Line handler for an events file: the hot path (50M calls at scale). Unquoted CSV rows are
 * parsed on bytes, the record id included (interned-index lookup on its bytes). An event
 * only sets bits in its record's flags, so duplicates count once and nothing is kept.
 */
export function eventLineHandler(path: string, layout: FileLayout, sink: EventSink): LineHandler {
  const { table, words, checksByKind, badRows, countsByKind, onEvent } = sink
  const idCol = layout.columns['usager_id'] ?? 0
  const kindCol = layout.columns['kind'] ?? 0
  const dateCol = layout.columns['date'] ?? 0
  const bounds = new Int32Array(2 * Math.max(layout.columnCount, 1))
  const separator = String.fromCharCode(layout.separator)

  const apply = (index: number, kind: number, day: number, buf: Buffer, start: number, end: number, line: number): void => {
    if (index < 0) return badRows.add(path, line, 'usager-unknown', buf, start, end)
    countsByKind[kind]!++
    const checks = checksByKind[kind]!
    const base = index * words
    const flags = table.flags
    for (let j = 0; j < checks.length; j += 4) {
      if (day >= checks[j]! && day <= checks[j + 1]!) flags[base + checks[j + 2]!]! |= checks[j + 3]!
    }
    if (onEvent !== undefined) onEvent(index, kind, day)
  }

  // Rows with quotes, and NDJSON rows: decoded as text, same checks.
  const slow = (buf: Buffer, start: number, end: number, line: number): void => {
    const bad = (reason: BadRowReason): void => badRows.add(path, line, reason, buf, start, end)
    const row = buf.toString('utf8', start, end)
    if (row.trim() === '') return
    let id: unknown
    let kindText: unknown
    let dateText: unknown
    if (layout.format === 'ndjson') {
      let record: unknown
      try {
        record = JSON.parse(row)
      } catch {
        return bad('json-invalid')
      }
      if (record === null || typeof record !== 'object' || Array.isArray(record)) return bad('json-invalid')
      const r = record as Record<string, unknown>
      id = typeof r['usager_id'] === 'number' ? String(r['usager_id']) : r['usager_id']
      kindText = r['kind']
      dateText = r['date']
    } else {
      const cells = splitQuoted(row, separator)
      if (cells === undefined || cells.length !== layout.columnCount) return bad('column-count')
      id = cells[idCol]
      kindText = cells[kindCol]
      dateText = cells[dateCol]
    }
    if (typeof id !== 'string' || id.trim() === '') return bad('usager-id-missing')
    const kind = typeof kindText === 'string' ? eventKindIndex(kindText.trim()) : -1
    if (kind < 0) return bad('kind-unknown')
    const day = typeof dateText === 'string' ? parseDay(dateText.trim()) : NaN
    if (Number.isNaN(day)) return bad('date-invalid')
    apply(table.indexOf(id.trim()), kind, day, buf, start, end, line)
  }

  return (buf, start, end, line) => {
    if (line === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf) start += 3
    if (layout.format === 'csv' && line === 1) return
    if (start === end) return
    if (layout.format === 'ndjson') return slow(buf, start, end, line)
    const count = fieldBounds(buf, start, end, layout.separator, bounds)
    if (count < 0) return slow(buf, start, end, line)
    if (count !== layout.columnCount) {
      if (count === 1 && bounds[0] === bounds[1]) return // a blank line (spaces only)
      return badRows.add(path, line, 'column-count', buf, start, end)
    }
    const idStart = bounds[2 * idCol]!
    const idEnd = bounds[2 * idCol + 1]!
    if (idStart === idEnd) return badRows.add(path, line, 'usager-id-missing', buf, start, end)
    const kind = eventKindIndexBytes(buf, bounds[2 * kindCol]!, bounds[2 * kindCol + 1]!)
    if (kind < 0) return badRows.add(path, line, 'kind-unknown', buf, start, end)
    const day = parseDayBytes(buf, bounds[2 * dateCol]!, bounds[2 * dateCol + 1]!)
    if (Number.isNaN(day)) return badRows.add(path, line, 'date-invalid', buf, start, end)
    apply(table.indexOfBytes(buf, idStart, idEnd), kind, day, buf, start, end, line)
  }
}
