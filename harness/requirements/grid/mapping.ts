import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv, type ErrorObject } from 'ajv'
import type { Catalogue } from '../catalogue.ts'
import { GridInputError } from './grid-input-error.ts'
import { referenceKey } from './normalise-rows.ts'

/** One official reference and the requirements of our catalogue that check it. */
export interface MappingEntry {
  readonly reference: string
  readonly requirements: readonly string[]
  /** French: why none of ours checks it (e.g. « hors périmètre du banc »). */
  readonly reason?: string
  /** French: what a verifier checks by hand for this row. */
  readonly manualProof?: string
  readonly source?: string
}

/** The content of a mapping file (docs/official-mapping.schema.json). */
export interface MappingFile {
  readonly description?: string
  readonly mappings: readonly MappingEntry[]
}

/** A mapping file once read: its entries by reference key, and what identifies it. */
export interface LoadedMapping {
  readonly file: string
  readonly sha256: string
  readonly entries: ReadonlyMap<string, MappingEntry>
}

/**
 * The harness's own additions to the catalogue's correspondences (one official reference checked
 * by several of our requirements); only references the catalogue carries with their source.
 */
export const DEFAULT_MAPPING_PATH = fileURLToPath(new URL('../../../scenarios/requirements/official/official-mapping.json', import.meta.url))
/** How the imported grid names the correspondences read from the catalogue's `officialRef` fields. */
export const CATALOGUE_MAPPING_LABEL = 'catalogue (champs officialRef)'
const SCHEMA_PATH = new URL('../../../docs/official-mapping.schema.json', import.meta.url)

const validate = new Ajv({ allErrors: true }).compile<MappingFile>(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)

/**
 * Reads and checks a mapping file: schema, one entry per reference, and every requirement id
 * known to the catalogue (a mapping naming an id we do not have is refused, never ignored).
 */
export function loadMapping(path: string, catalogue: Catalogue, label = path): LoadedMapping {
  let bytes: Buffer
  let data: unknown
  try {
    bytes = readFileSync(path)
  } catch (error) {
    throw new GridInputError(`correspondance ${path} illisible (${(error as NodeJS.ErrnoException).code ?? String(error)})`)
  }
  try {
    data = JSON.parse(bytes.toString('utf8'))
  } catch (error) {
    throw new GridInputError(`correspondance ${path} : JSON invalide (${error instanceof Error ? error.message : String(error)})`)
  }
  if (!validate(data)) throw new GridInputError(`correspondance ${path} : ${schemaError(validate.errors ?? [])}`)
  const entries = new Map<string, MappingEntry>()
  for (const entry of data.mappings) {
    const key = referenceKey(entry.reference)
    if (entries.has(key)) throw new GridInputError(`correspondance ${path} : la référence ${entry.reference} apparaît deux fois`)
    const unknown = entry.requirements.filter((id) => !catalogue.has(id))
    if (unknown.length > 0) throw new GridInputError(`correspondance ${path} : ${entry.reference} renvoie à des exigences inconnues du catalogue : ${unknown.join(', ')}`)
    entries.set(key, entry)
  }
  return { file: label, sha256: sha256(bytes), entries }
}

/** The first schema error, in French for the cases a person writing a mapping meets. */
function schemaError(errors: readonly ErrorObject[]): string {
  const unexplained = errors.find((e) => e.keyword === 'if')
  if (unexplained) return `${unexplained.instancePath} : sans exigence du banc, dire pourquoi (« reason », par exemple « hors périmètre du banc ») ou quelle preuve manuelle (« manualProof »)`
  const first = errors[0]
  const where = first?.instancePath || '/'
  if (first?.keyword === 'additionalProperties') return `${where} : clé inconnue « ${String(first.params['additionalProperty'])} »`
  if (first?.keyword === 'required') return `${where} : propriété « ${String(first.params['missingProperty'])} » manquante`
  if (first?.keyword === 'pattern') return `${where} : identifiant mal formé (attendu comme INS-005)`
  return `${where} ${first?.message ?? 'invalide'}`
}

/** What the catalogue itself says: each `officialRef` is checked by every requirement carrying it. */
export function mappingFromCatalogue(catalogue: Catalogue): LoadedMapping {
  const entries = new Map<string, MappingEntry>()
  for (const requirement of catalogue.requirements) {
    if (!requirement.officialRef) continue
    const key = referenceKey(requirement.officialRef)
    const known = entries.get(key)
    entries.set(key, {
      reference: requirement.officialRef,
      requirements: [...(known?.requirements ?? []), requirement.id],
      ...(requirement.source ? { source: requirement.source } : {}),
    })
  }
  return { file: CATALOGUE_MAPPING_LABEL, sha256: sha256(Buffer.from(JSON.stringify([...entries.values()]))), entries }
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Later mappings win, reference by reference (a user file over the harness's own). */
export function mergeMappings(mappings: readonly LoadedMapping[]): ReadonlyMap<string, MappingEntry> {
  const merged = new Map<string, MappingEntry>()
  for (const mapping of mappings) for (const [key, entry] of mapping.entries) merged.set(key, entry)
  return merged
}

/** The harness's own correspondences: the catalogue's, then the shipped additions file. */
export function harnessMappings(catalogue: Catalogue): LoadedMapping[] {
  return [mappingFromCatalogue(catalogue), loadMapping(DEFAULT_MAPPING_PATH, catalogue, 'scenarios/requirements/official/official-mapping.json')]
}
