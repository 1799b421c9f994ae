import { createHash } from 'node:crypto'
import { existsSync, readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { CliError, ExitCode } from '../cli/exit-codes.ts'

/** The effective configuration of a run (file merged with flags, defaults applied). */
export interface HarnessConfig {
  readonly candidate: string
  readonly scenarios?: readonly string[]
  readonly out: string
  readonly cisisKit?: string
  /** Imported official grid (`requirements import`) whose rows the report judges. */
  readonly grid?: string
  readonly host: string
  /** Scenarios marked concurrent run at most this many at once. */
  readonly concurrency: number
  readonly timeouts: { readonly stepMs?: number; readonly trafficMs: number }
}

export type ConfigFile = Partial<Omit<HarnessConfig, 'timeouts'>> & { timeouts?: Partial<HarnessConfig['timeouts']> }

export const DEFAULT_CONFIG_FILE = 'dui-harness.config.json'
/** Concurrent scenarios at once by default: they mostly wait on sockets, so a few fit on 2 cores. */
export const DEFAULT_CONCURRENCY = 4
/** A person drives `--candidate manual`: minutes to act and answer, and a whole hour per step. */
export const MANUAL_TRAFFIC_MS = 600_000
const MANUAL_STEP_MS = 3_600_000
const SCHEMA = JSON.parse(readFileSync(new URL('../../docs/config.schema.json', import.meta.url), 'utf8')) as object

const ajv = new Ajv({ allErrors: false })
const validateFile = ajv.compile<ConfigFile>(SCHEMA)

/** Checks a config object against docs/config.schema.json; a bad one is one clear line, exit 4. */
export function parseConfig(data: unknown, origin: string): ConfigFile {
  if (validateFile(data)) return data
  const error = validateFile.errors?.[0]
  const where = error?.instancePath || '/'
  const detail =
    error?.keyword === 'additionalProperties'
      ? `clé inconnue « ${String(error.params['additionalProperty'])} »`
      : error?.keyword === 'pattern' && where === '/candidate'
        ? 'candidat invalide (attendu reference, reference:<défaut>, manual ou une URL http(s)://)'
        : (error?.message ?? 'invalide')
  throw new CliError(`configuration ${origin} : ${where} ${detail}`, ExitCode.badInput)
}

/** Reads `--config <file>`, else `./dui-harness.config.json` when present, else nothing. */
export function readConfigFile(path: string | undefined): ConfigFile {
  const file = path ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined)
  if (!file) return {}
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    throw new CliError(`configuration ${file} illisible : ${(error as NodeJS.ErrnoException).code ?? String(error)}`, ExitCode.badInput)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new CliError(`configuration ${file} : JSON invalide (${error instanceof Error ? error.message : String(error)})`, ExitCode.badInput)
  }
  return parseConfig(data, file)
}

/** Merges flags over the file and applies defaults; flags are validated like the file. */
export function resolveConfig(file: ConfigFile, flags: ConfigFile): HarnessConfig {
  const merged = parseConfig(dropUndefined({ ...file, ...flags, timeouts: { ...file.timeouts, ...flags.timeouts } }), '(options de la ligne de commande)')
  const manual = merged.candidate === 'manual'
  return {
    candidate: merged.candidate ?? 'reference',
    ...(merged.scenarios ? { scenarios: merged.scenarios } : {}),
    out: merged.out ?? 'runs',
    ...(merged.cisisKit ? { cisisKit: merged.cisisKit } : {}),
    ...(merged.grid ? { grid: merged.grid } : {}),
    host: merged.host ?? '127.0.0.1',
    // One person cannot follow two scenarios at once.
    concurrency: manual ? 1 : (merged.concurrency ?? DEFAULT_CONCURRENCY),
    timeouts: {
      ...(merged.timeouts?.stepMs ? { stepMs: merged.timeouts.stepMs } : manual ? { stepMs: MANUAL_STEP_MS } : {}),
      trafficMs: merged.timeouts?.trafficMs ?? (manual ? MANUAL_TRAFFIC_MS : 15_000),
    },
  }
}

/** sha256 of the canonical JSON (sorted keys) of the effective configuration. */
export function configDigest(config: HarnessConfig): string {
  return createHash('sha256').update(canonicalJson(config)).digest('hex')
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => a.localeCompare(b))
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
  }
  return JSON.stringify(value)
}

function dropUndefined<T extends object>(value: T): T {
  const out: Record<string, unknown> = {}
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      const inner = dropUndefined(item as object)
      if (Object.keys(inner).length > 0) out[key] = inner
    } else out[key] = item
  }
  return out as T
}
