import { readFileSync } from 'node:fs'
import { Ajv, type ValidateFunction } from 'ajv'
import { harnessVersion } from '../../internal/version.ts'
import type { Catalogue } from '../catalogue.ts'
import { GridInputError } from './grid-input-error.ts'
import { mergeMappings, type LoadedMapping } from './mapping.ts'
import { referenceKey } from './normalise-rows.ts'
import type { OfficialRow, SkippedLine } from './official-row.ts'
import type { GridSource, ReadGrid } from './read-grid.ts'

export const IMPORTED_GRID_FORMAT = 'dui-harness/official-grid'
/** Written by `requirements import` in the working directory unless `--out` says otherwise. */
export const DEFAULT_IMPORTED_GRID_FILE = 'dui-harness.grid.json'

/**
 * How the bench covers a row, known at import: by automatic requirements only, with a manual
 * proof in the loop (a manual requirement of ours, or the mapping's `manualProof`), or not at all.
 */
export type MappedAs = 'automatic' | 'manual' | 'not-covered'

export interface ImportedRow extends OfficialRow {
  /** Our requirement ids that check the row (from the mapping). */
  readonly requirements: readonly string[]
  readonly mappedAs: MappedAs
  /** The mapping's reason when none of ours checks the row. */
  readonly reason?: string
  readonly manualProof?: string
}

/** The imported grid file (docs/official-grid.schema.json), read by `run` through the `grid` config key. */
export interface ImportedGrid {
  readonly format: typeof IMPORTED_GRID_FORMAT
  readonly formatVersion: 1
  readonly harnessVersion: string
  readonly importedAt: string
  readonly source: GridSource
  /** Mapping files applied, in order (later ones win). */
  readonly mappings: readonly { readonly file: string; readonly sha256: string }[]
  readonly rows: readonly ImportedRow[]
  readonly skipped: readonly SkippedLine[]
  /** References of the mappings that no row of this grid carries. */
  readonly unusedMappings: readonly string[]
}

/** Applies the mappings to the rows read from the grid. */
export function buildImportedGrid(grid: ReadGrid, mappings: readonly LoadedMapping[], catalogue: Catalogue, now = new Date()): ImportedGrid {
  const merged = mergeMappings(mappings)
  const used = new Set<string>()
  const rows = grid.rows.map((row): ImportedRow => {
    const key = referenceKey(row.reference)
    const entry = merged.get(key)
    if (entry) used.add(key)
    const requirements = entry?.requirements ?? []
    const manualInCatalogue = requirements.some((id) => catalogue.get(id)?.automation === 'manual')
    const mappedAs: MappedAs = requirements.length === 0 ? (entry?.manualProof ? 'manual' : 'not-covered') : manualInCatalogue || entry?.manualProof ? 'manual' : 'automatic'
    return {
      ...row,
      requirements,
      mappedAs,
      ...(entry?.reason ? { reason: entry.reason } : {}),
      ...(entry?.manualProof ? { manualProof: entry.manualProof } : {}),
    }
  })
  return {
    format: IMPORTED_GRID_FORMAT,
    formatVersion: 1,
    harnessVersion,
    importedAt: now.toISOString(),
    source: grid.source,
    mappings: mappings.map((m) => ({ file: m.file, sha256: m.sha256 })),
    rows,
    skipped: grid.skipped,
    unusedMappings: [...merged].filter(([key]) => !used.has(key)).map(([, entry]) => entry.reference),
  }
}

const SCHEMA_PATH = new URL('../../../docs/official-grid.schema.json', import.meta.url)
let validate: ValidateFunction<ImportedGrid> | undefined

/**
 * Reads an imported grid for a run: schema, then every requirement id against today's catalogue
 * (a grid imported with an older catalogue must be imported again, not half-used).
 */
export function loadImportedGrid(path: string, catalogue: Catalogue): ImportedGrid {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    const reason = error instanceof SyntaxError ? `JSON invalide (${error.message})` : ((error as NodeJS.ErrnoException).code ?? String(error))
    throw new GridInputError(`grille officielle importée ${path} illisible : ${reason}`)
  }
  validate ??= new Ajv({ allErrors: false }).compile<ImportedGrid>(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)
  if (!validate(data)) {
    const first = validate.errors?.[0]
    throw new GridInputError(`grille officielle importée ${path} non conforme (attendu le fichier écrit par « dui-harness requirements import ») : ${first?.instancePath || '/'} ${first?.message ?? 'invalide'}`)
  }
  const unknown = [...new Set(data.rows.flatMap((row) => row.requirements).filter((id) => !catalogue.has(id)))]
  if (unknown.length > 0) throw new GridInputError(`grille officielle importée ${path} : exigences inconnues du catalogue actuel : ${unknown.join(', ')} (refaire « dui-harness requirements import »)`)
  return data
}
