/**
 * Generates a synthetic DUI export for the indicators bench: usagers and events as gzip CSV,
 * split across files, plus the project grouping (projects.json). Deterministic (hash-based), so
 * two runs with the same parameters write the same bytes and a finished export is reused.
 *
 *   npx tsx bench/generate-indicators-export.ts [--usagers 1000000] [--events 50000000]
 *     [--files 8] [--at 2025-04-01] [--out <dir>]
 *
 * Default output: $TMPDIR/dui-harness-bench/indicators-v<version>-<usagers>-<events>-<files>-<at>
 * (never inside the repo; delete it to reclaim ~450 MB at full size).
 * Heterogeneity is built in per ESSMS (dormant records, records without MSSanté, DMP, agenda or
 * personalised project) so that some ESSMS and projects meet the targets and some do not.
 */
import { spawn } from 'node:child_process'
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { once } from 'node:events'
import { createGzip } from 'node:zlib'
import { parseArgs } from 'node:util'

export interface GeneratorParams {
  readonly usagers: number
  readonly events: number
  readonly files: number
  readonly at: string
}

/** The export's size options, shared by this generator's command line and the indicators bench. */
export const GENERATOR_OPTIONS = {
  usagers: { type: 'string', default: '1000000' },
  events: { type: 'string', default: '50000000' },
  files: { type: 'string', default: '8' },
  at: { type: 'string', default: '2025-04-01' },
} as const

export function generatorParams(values: { usagers: string; events: string; files: string; at: string }): GeneratorParams {
  return { usagers: Number(values.usagers), events: Number(values.events), files: Number(values.files), at: values.at }
}

export interface GeneratedExport {
  readonly dir: string
  readonly params: GeneratorParams
  readonly usagerFiles: readonly string[]
  readonly eventFiles: readonly string[]
  readonly configFile: string
}

const USAGERS_PER_ESSMS = 500
const ESSMS_PER_PROJECT = 16
const USAGER_FILES = 2
const KINDS = ['record-update', 'personalised-project', 'agenda-event', 'mssante-send', 'dmp-feed'] as const
// Cumulative weights of the kinds above: 30 %, 7 %, 30 %, 16.5 %, 16.5 %.
const KIND_CUMULATIVE = [0.3, 0.37, 0.67, 0.835, 1]
/** Bumped when the generated content changes, so an older export on disk is not reused. */
const GENERATOR_VERSION = 3

/** A 32-bit integer hash mapped to [0, 1): per-usager and per-ESSMS attributes without storing them. */
function unit(x: number, salt: number): number {
  let h = Math.imul(x ^ Math.imul(salt, 0x9e3779b1), 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 4294967296
}

function dayOf(text: string): number {
  return Date.parse(`${text}T00:00:00Z`) / 86_400_000
}

function dateText(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

export function essmsCount(usagers: number): number {
  return Math.max(1, Math.ceil(usagers / USAGERS_PER_ESSMS))
}

export function finessOf(essms: number): string {
  return `750${String(essms).padStart(6, '0')}`
}

export function usagerIdOf(u: number): string {
  return `U${String(u).padStart(8, '0')}`
}

/** Per-ESSMS rates of records lacking each usage, and per-usager draws against them. */
function profile(u: number, essmsTotal: number) {
  const e = u % essmsTotal
  // Squared: most ESSMS are good, a few are poor, so verdicts are mixed.
  const lacks = (salt: number, low: number, high: number): boolean => unit(u, salt) < low + (high - low) * unit(e, salt + 100) ** 2
  return {
    essms: e,
    dormant: lacks(1, 0, 0.15),
    noProject: lacks(2, 0, 0.15),
    noAgenda: lacks(3, 0, 0.08),
    noMssante: lacks(4, 0, 0.3),
    noDmp: lacks(5, 0, 0.3),
  }
}

function usagerRows(params: GeneratorParams, part: number): string[] {
  const at = dayOf(params.at)
  const total = essmsCount(params.usagers)
  const rows: string[] = []
  for (let u = part; u < params.usagers; u += USAGER_FILES) {
    const { essms } = profile(u, total)
    // Admissions over 6 years before --at, a few after it; a fifth of the stays have ended.
    const admission = at - 2190 + Math.floor(unit(u, 11) * 2200)
    const exited = unit(u, 12) < 0.2
    const exit = exited ? admission + Math.floor(unit(u, 13) * Math.max(1, at + 30 - admission)) : undefined
    rows.push(`${usagerIdOf(u)},${finessOf(essms)},${dateText(admission)},${exit === undefined ? '' : dateText(exit)}`)
  }
  return rows
}

async function writeGzip(path: string, produce: (write: (text: string) => Promise<void>) => Promise<void>): Promise<void> {
  const gzip = createGzip({ level: 1 })
  const out = createWriteStream(path)
  gzip.pipe(out)
  await produce(async (text) => {
    if (!gzip.write(text)) await once(gzip, 'drain')
  })
  gzip.end()
  await once(out, 'finish')
}

async function writeEventFile(params: GeneratorParams, dir: string, index: number): Promise<void> {
  const at = dayOf(params.at)
  const total = essmsCount(params.usagers)
  const count = Math.floor(params.events / params.files) + (index < params.events % params.files ? 1 : 0)
  const dates = Array.from({ length: 420 }, (_, i) => dateText(at - 410 + i))
  // Draws are hashes of (file, draw counter): a plain xorshift32 stream gave correlated
  // consecutive draws (usager, kind, date), which skewed the kinds per usager at 1M usagers.
  const salt = 0x51ed2701 + index * 7919
  let counter = 0
  const next = (): number => unit(counter++, salt)
  await writeGzip(join(dir, `events-${String(index).padStart(2, '0')}.csv.gz`), async (write) => {
    await write('usager_id,kind,date\n')
    let chunk = ''
    for (let i = 0; i < count; i++) {
      const u = Math.floor(next() * params.usagers)
      const p = profile(u, total)
      const r = next()
      let kind = 0
      while (r >= KIND_CUMULATIVE[kind]!) kind++
      if ((kind === 1 && p.noProject) || (kind === 2 && p.noAgenda) || (kind === 3 && p.noMssante) || (kind === 4 && p.noDmp)) kind = 0
      // Dates over the 410 days before --at and 10 days after; dormant records stop 100 days before it.
      let offset = Math.floor(next() * 420)
      if (p.dormant && offset > 310) offset -= 310
      chunk += `${usagerIdOf(u)},${KINDS[kind]},${dates[offset]}\n`
      if (chunk.length > 1 << 20) {
        await write(chunk)
        chunk = ''
      }
    }
    await write(chunk)
  })
}

function projectsConfig(params: GeneratorParams): object {
  const total = essmsCount(params.usagers)
  const projects = []
  for (let start = 0, p = 0; start < total; start += ESSMS_PER_PROJECT, p++) {
    const finess = []
    for (let e = start; e < Math.min(total, start + ESSMS_PER_PROJECT); e++) finess.push(finessOf(e))
    projects.push({ id: `P${String(p).padStart(3, '0')}`, label: `Projet de bench ${p}`, finess })
  }
  return { projects }
}

export function defaultDir(params: GeneratorParams): string {
  return join(tmpdir(), 'dui-harness-bench', `indicators-v${GENERATOR_VERSION}-${params.usagers}-${params.events}-${params.files}-${params.at}`)
}

function describe(dir: string, params: GeneratorParams): GeneratedExport {
  return {
    dir,
    params,
    usagerFiles: Array.from({ length: USAGER_FILES }, (_, i) => join(dir, `usagers-${i}.csv.gz`)),
    eventFiles: Array.from({ length: params.files }, (_, i) => join(dir, `events-${String(i).padStart(2, '0')}.csv.gz`)),
    configFile: join(dir, 'projects.json'),
  }
}

/** Generates the export (event files in two parallel processes), or reuses a complete one. */
export async function generateExport(params: GeneratorParams, dir = defaultDir(params)): Promise<GeneratedExport & { reused: boolean }> {
  const done = join(dir, 'meta.json')
  if (existsSync(done) && readFileSync(done, 'utf8') === JSON.stringify(params)) return { ...describe(dir, params), reused: true }
  mkdirSync(dir, { recursive: true })
  for (let part = 0; part < USAGER_FILES; part++) {
    await writeGzip(join(dir, `usagers-${part}.csv.gz`), async (write) => {
      await write('usager_id,finess,admission_date,exit_date\n')
      const rows = usagerRows(params, part)
      for (let i = 0; i < rows.length; i += 20_000) await write(`${rows.slice(i, i + 20_000).join('\n')}\n`)
    })
  }
  writeFileSync(join(dir, 'projects.json'), `${JSON.stringify(projectsConfig(params), null, 1)}\n`)
  // Event files in child processes, two at a time (this machine has two cores).
  const script = fileURLToPath(import.meta.url)
  const queue = Array.from({ length: params.files }, (_, i) => i)
  const worker = async (): Promise<void> => {
    for (let index = queue.shift(); index !== undefined; index = queue.shift()) {
      const child = spawn(process.execPath, [...process.execArgv, script, '--part', String(index), '--params', JSON.stringify(params), '--out', dir], { stdio: 'inherit' })
      const [code] = (await once(child, 'exit')) as [number | null]
      if (code !== 0) throw new Error(`event file ${index} failed (exit ${code})`)
    }
  }
  await Promise.all([worker(), worker()])
  writeFileSync(done, JSON.stringify(params))
  return { ...describe(dir, params), reused: false }
}

async function cli(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...GENERATOR_OPTIONS,
      out: { type: 'string' },
      part: { type: 'string' },
      params: { type: 'string' },
    },
  })
  if (values.part !== undefined) {
    await writeEventFile(JSON.parse(values.params ?? '{}') as GeneratorParams, values.out ?? '.', Number(values.part))
    return
  }
  const params = generatorParams(values)
  const started = performance.now()
  const generated = await generateExport(params, values.out ?? defaultDir(params))
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  process.stdout.write(`${generated.reused ? 'réutilisé' : `généré en ${seconds} s`} : ${generated.dir}\n`)
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) await cli()
