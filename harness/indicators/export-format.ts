import { IndicatorsInputError } from './input-error.ts'

/**
 * The export format (docs/indicators-export.md): each file holds one kind of record, usagers or
 * events, as CSV with a header or as NDJSON; the first line tells which. Anything else is not
 * the format, and the whole command stops with exit 4.
 */

export type RecordKind = 'usagers' | 'events'
export type FileFormat = 'csv' | 'ndjson'

export const USAGER_COLUMNS = ['usager_id', 'finess', 'admission_date', 'exit_date', 'ins'] as const
export const REQUIRED_USAGER_COLUMNS = ['usager_id', 'finess', 'admission_date'] as const
export const EVENT_COLUMNS = ['usager_id', 'kind', 'date'] as const

export type UsagerColumn = (typeof USAGER_COLUMNS)[number]
export type EventColumn = (typeof EVENT_COLUMNS)[number]

export interface FileLayout {
  readonly format: FileFormat
  readonly kind: RecordKind
  /** CSV only: separator byte (`,` `;` or tab) and the number of columns of the header. */
  readonly separator: number
  readonly columnCount: number
  /** CSV only: index of each known column in a row, -1 when absent. */
  readonly columns: Readonly<Record<string, number>>
}

const SEPARATORS = [',', ';', '\t'] as const

function unquote(name: string): string {
  const trimmed = name.trim()
  return (trimmed.startsWith('"') && trimmed.endsWith('"') ? trimmed.slice(1, -1) : trimmed).toLowerCase()
}

const EXPECTED = `en-tête CSV « usager_id,finess,admission_date[,exit_date][,ins] » ou « usager_id,kind,date », ou NDJSON avec ces clés`

/** Decides the layout of a file from its first line (already decompressed, BOM removed). */
export function detectLayout(path: string, firstLine: string): FileLayout {
  const text = firstLine.trim()
  if (text === '') throw new IndicatorsInputError(`${path} : fichier vide ou première ligne vide (attendu : ${EXPECTED})`)
  if (text.startsWith('{')) {
    let record: unknown
    try {
      record = JSON.parse(text)
    } catch {
      throw new IndicatorsInputError(`${path} : première ligne ni CSV ni JSON valide (attendu : ${EXPECTED})`)
    }
    const keys = record !== null && typeof record === 'object' ? Object.keys(record) : []
    const kind: RecordKind | undefined = keys.includes('usager_id') ? (keys.includes('finess') ? 'usagers' : keys.includes('kind') ? 'events' : undefined) : undefined
    if (kind === undefined) throw new IndicatorsInputError(`${path} : objet NDJSON sans les clés attendues (attendu : ${EXPECTED})`)
    return { format: 'ndjson', kind, separator: 0, columnCount: 0, columns: {} }
  }
  const separator = SEPARATORS.find((s) => text.includes(s)) ?? ','
  const names = text.split(separator).map(unquote)
  const index = (name: string): number => names.indexOf(name)
  const isUsagers = REQUIRED_USAGER_COLUMNS.every((c) => index(c) >= 0)
  const isEvents = EVENT_COLUMNS.every((c) => index(c) >= 0)
  if (isUsagers === isEvents) throw new IndicatorsInputError(`${path} : en-tête non reconnu « ${text.slice(0, 120)} » (attendu : ${EXPECTED})`)
  const duplicate = names.find((n, i) => n !== '' && names.indexOf(n) !== i)
  if (duplicate !== undefined) throw new IndicatorsInputError(`${path} : colonne « ${duplicate} » en double dans l'en-tête`)
  const known = isUsagers ? USAGER_COLUMNS : EVENT_COLUMNS
  return {
    format: 'csv',
    kind: isUsagers ? 'usagers' : 'events',
    separator: separator.charCodeAt(0),
    columnCount: names.length,
    columns: Object.fromEntries(known.map((c) => [c, index(c)])),
  }
}
