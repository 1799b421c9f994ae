import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { IndicatorsInputError } from './input-error.ts'
import { configSchema } from './config-schema.ts'
import { DEFAULT_CONFIG, INDICATOR_IDS } from './config.ts'
import type { IndicatorConfig, IndicatorsConfig, WindowConfig } from './config.ts'

/** The `--config` file as written: every key optional (see config-schema.ts). */
export interface IndicatorsConfigFile {
  readonly window?: Partial<WindowConfig>
  readonly activeEventKinds?: IndicatorsConfig['activeEventKinds']
  readonly indicators?: Partial<Record<string, Partial<Omit<IndicatorConfig, 'window'>> & { window?: Partial<WindowConfig> }>>
  readonly projects?: IndicatorsConfig['projects']
  readonly minEssmsPerProject?: number
  readonly maxListedBadRows?: number
}

const validate = new Ajv({ allErrors: true }).compile(configSchema)

/** Checks a parsed config object and merges it over the defaults; throws IndicatorsInputError (exit 4). */
export function resolveConfig(input: unknown, source = 'configuration'): IndicatorsConfig {
  if (!validate(input)) {
    const errors = (validate.errors ?? [])
      .map((e) => `${e.instancePath || '/'} ${e.message ?? ''}${e.keyword === 'additionalProperties' ? ` (${String(e.params['additionalProperty'])})` : ''}`)
      .join('; ')
    throw new IndicatorsInputError(`${source} : configuration des indicateurs invalide : ${errors}`)
  }
  const file = input as IndicatorsConfigFile
  const ids = new Set<string>()
  const owner = new Map<string, string>()
  for (const project of file.projects ?? []) {
    if (ids.has(project.id)) throw new IndicatorsInputError(`${source} : projet « ${project.id} » déclaré deux fois`)
    ids.add(project.id)
    for (const finess of project.finess) {
      const other = owner.get(finess)
      if (other !== undefined) throw new IndicatorsInputError(`${source} : FINESS ${finess} dans deux projets (« ${other} » et « ${project.id} »)`)
      owner.set(finess, project.id)
    }
  }
  const indicators = Object.fromEntries(
    INDICATOR_IDS.map((id) => {
      const base = DEFAULT_CONFIG.indicators[id]
      const override = file.indicators?.[id] ?? {}
      const resolved: IndicatorConfig = {
        ...base,
        ...override,
        window: { ...base.window, ...file.window, ...override.window },
      }
      return [id, resolved]
    }),
  ) as unknown as IndicatorsConfig['indicators']
  return {
    activeEventKinds: file.activeEventKinds ?? DEFAULT_CONFIG.activeEventKinds,
    indicators,
    projects: file.projects ?? DEFAULT_CONFIG.projects,
    minEssmsPerProject: file.minEssmsPerProject ?? DEFAULT_CONFIG.minEssmsPerProject,
    maxListedBadRows: file.maxListedBadRows ?? DEFAULT_CONFIG.maxListedBadRows,
  }
}

/** Reads and resolves a `--config` JSON file; unreadable, not JSON or unknown key: exit 4. */
export function loadConfigFile(path: string): IndicatorsConfig {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new IndicatorsInputError(`${path} : configuration illisible (${(error as Error).message})`)
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    throw new IndicatorsInputError(`${path} : la configuration n'est pas du JSON (${(error as Error).message})`)
  }
  return resolveConfig(parsed, path)
}
