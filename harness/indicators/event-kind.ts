/** The dated events a DUI export carries, as spelled in the export (docs/indicators-export.md). */
export const EVENT_KINDS = [
  'record-update',
  'personalised-project',
  'agenda-event',
  'mssante-send',
  'dmp-feed',
] as const

export type EventKind = (typeof EVENT_KINDS)[number]

/** French label of each kind, for rules and tables. */
export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = {
  'record-update': 'mise à jour du dossier',
  'personalised-project': 'projet personnalisé',
  'agenda-event': "évènement d'agenda",
  'mssante-send': 'envoi MSSanté',
  'dmp-feed': 'alimentation du DMP',
}

/** Index of a kind in EVENT_KINDS, or -1; the per-usager bitsets are keyed by this index. */
export function eventKindIndex(code: string): number {
  return (EVENT_KINDS as readonly string[]).indexOf(code)
}

const KIND_BYTES = EVENT_KINDS.map((kind) => Buffer.from(kind, 'latin1'))

/** Same as eventKindIndex, on raw bytes, without allocating a string (hot path: one call per event). */
export function eventKindIndexBytes(buf: Uint8Array, start: number, end: number): number {
  const length = end - start
  for (let k = 0; k < KIND_BYTES.length; k++) {
    const kind = KIND_BYTES[k]!
    if (kind.length !== length) continue
    let i = 0
    while (i < length && buf[start + i] === kind[i]) i++
    if (i === length) return k
  }
  return -1
}
