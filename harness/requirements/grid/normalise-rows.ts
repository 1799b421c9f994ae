import { headerKey, type GridField, type GridHeader } from './columns.ts'
import { GridInputError } from './grid-input-error.ts'
import type { OfficialLevel, OfficialProof, OfficialRow, SkippedLine } from './official-row.ts'
import type { TableRow } from './table.ts'

/**
 * Turns the lines under the header into official rows. A blank line is dropped; a line with
 * content but no reference (a title, a group heading) is kept aside in `skipped`, never lost. A
 * reference repeated with the same text is one row (the ANS export writes one line per proof
 * step); repeated with another text, or with an unknown category or an empty text, the grid is
 * refused with the line.
 */
export function normaliseRows(rows: readonly TableRow[], header: GridHeader, name: string): { rows: OfficialRow[]; skipped: SkippedLine[] } {
  const official: OfficialRow[] = []
  const byReference = new Map<string, number>()
  const skipped: SkippedLine[] = []
  for (const row of rows) {
    if (row.line <= header.line) continue
    const get = (field: GridField): string => {
      const column = header.columns[field]
      return column === undefined ? '' : (row.cells[column] ?? '').trim()
    }
    const reference = get('reference')
    if (reference === '') {
      if (row.cells.some((cell) => cell.trim() !== '')) skipped.push({ line: row.line, reason: 'ligne sans référence d\'exigence (titre ou regroupement), non importée' })
      continue
    }
    const where = `${name} ligne ${row.line} (${reference})`
    const text = get('text')
    if (text === '') throw new GridInputError(`${where} : énoncé vide`)
    const sectionCell = get('section')
    if (sectionCell === '') throw new GridInputError(`${where} : section vide`)
    const levelCell = get('level')
    const level = header.columns.level === undefined ? undefined : parseLevel(levelCell)
    if (header.columns.level !== undefined && !level) throw new GridInputError(`${where} : catégorie « ${levelCell} » non reconnue (attendu « Exigence (Doit) » ou « Préconisation (Peut) »)`)
    const cut = sectionCell.indexOf('_')
    const proof = compact({ reference: get('proofReference'), nature: get('proofNature'), check: get('proofCheck') })
    const parsed: OfficialRow = {
      line: row.line,
      section: (cut > 0 ? sectionCell.slice(0, cut) : sectionCell).trim(),
      ...optional('sectionLabel', cut > 0 ? sectionCell.slice(cut + 1).trim() : ''),
      reference,
      text,
      ...(level ? { level } : {}),
      ...(proof ? { proof } : {}),
      ...optional('profile', get('profile')),
      ...optional('bloc', get('bloc')),
      ...optional('fonction', get('fonction')),
    }
    const key = referenceKey(reference)
    const seen = byReference.get(key)
    if (seen === undefined) {
      byReference.set(key, official.length)
      official.push(parsed)
      continue
    }
    const first = official[seen]!
    if (first.text !== text) throw new GridInputError(`${where} : référence déjà présente ligne ${first.line} avec un autre énoncé`)
    official[seen] = { ...first, ...mergedProof(first.proof, parsed.proof) }
  }
  return { rows: official, skipped }
}

/** How a reference is compared (grid, mapping): no case, no blank. `INS/VA1.53 ` is `INS/va1.53`. */
export function referenceKey(reference: string): string {
  return reference.replace(/\s+/g, '').toLowerCase()
}

/** `Exigence (Doit)` and `Préconisation (Peut)` as the Squash export writes them, and plain variants. */
export function parseLevel(text: string): OfficialLevel | undefined {
  const key = headerKey(text)
  if (key.startsWith('exigence') || key === 'doit') return 'EXIGENCE'
  if (key.startsWith('preconisation') || key.startsWith('recommandation') || key === 'peut') return 'PRECONISATION'
  return undefined
}

function compact(proof: Record<keyof OfficialProof, string>): OfficialProof | undefined {
  const entries = Object.entries(proof).filter(([, value]) => value !== '')
  return entries.length > 0 ? (Object.fromEntries(entries) as OfficialProof) : undefined
}

/** Distinct proof values of the repeated lines, one per line of text. */
function mergedProof(a: OfficialProof | undefined, b: OfficialProof | undefined): { proof?: OfficialProof } {
  const keys: (keyof OfficialProof)[] = ['reference', 'nature', 'check']
  const merged = compact(
    Object.fromEntries(keys.map((key) => [key, [...new Set([a?.[key], b?.[key]].filter((v): v is string => !!v))].join('\n')])) as Record<keyof OfficialProof, string>,
  )
  return merged ? { proof: merged } : {}
}

function optional<K extends string>(key: K, value: string): { [P in K]?: string } {
  return (value === '' ? {} : { [key]: value }) as { [P in K]?: string }
}
