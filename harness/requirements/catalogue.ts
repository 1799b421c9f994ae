import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import type { Requirement, RequirementFile } from './requirement.ts'

/** The catalogue could not be loaded, or something references an id it does not hold. */
export class CatalogueError extends Error {
  override readonly name = 'CatalogueError'
}

/** Default location of the catalogue data, relative to the repository root. */
export const CATALOGUE_DIR = new URL('../../scenarios/requirements/', import.meta.url)
const SCHEMA_PATH = new URL('../../docs/requirements.schema.json', import.meta.url)

export class Catalogue {
  readonly #byId: ReadonlyMap<string, Requirement>

  constructor(readonly requirements: readonly Requirement[]) {
    this.#byId = new Map(requirements.map((requirement) => [requirement.id, requirement]))
  }

  get(id: string): Requirement | undefined {
    return this.#byId.get(id)
  }

  has(id: string): boolean {
    return this.#byId.has(id)
  }

  /** Throws a CatalogueError naming `where` for any id the catalogue does not hold. */
  assertKnown(ids: readonly string[], where: string): void {
    const unknown = ids.filter((id) => !this.#byId.has(id))
    if (unknown.length > 0) throw new CatalogueError(`${where} référence des exigences inconnues du catalogue : ${unknown.join(', ')}`)
  }
}

/** Loads and validates every `*.json` file of the catalogue folder; ids must be unique. */
export function loadCatalogue(dir: string | URL = CATALOGUE_DIR): Catalogue {
  const ajv = new Ajv({ allErrors: true })
  const validate = ajv.compile<RequirementFile>(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object)
  const folder = dir instanceof URL ? dir.pathname : dir
  const requirements: Requirement[] = []
  const files = readdirSync(folder).filter((name) => name.endsWith('.json')).sort()
  for (const name of files) {
    let data: unknown
    try {
      data = JSON.parse(readFileSync(join(folder, name), 'utf8'))
    } catch (error) {
      throw new CatalogueError(`catalogue ${name} : JSON illisible (${error instanceof Error ? error.message : String(error)})`)
    }
    if (!validate(data)) {
      const first = validate.errors?.[0]
      throw new CatalogueError(`catalogue ${name} : ${first?.instancePath || '/'} ${first?.message ?? 'invalide'}`)
    }
    for (const requirement of data.requirements) {
      if (!requirement.id.startsWith(`${requirement.section}-`)) throw new CatalogueError(`catalogue ${name} : l'exigence ${requirement.id} n'appartient pas à la section ${requirement.section}`)
      if (requirements.some((known) => known.id === requirement.id)) throw new CatalogueError(`catalogue ${name} : l'identifiant ${requirement.id} est en double`)
      requirements.push(requirement)
    }
  }
  return new Catalogue(requirements)
}
