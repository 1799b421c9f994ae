/**
 * Bench of the ESMS numérique indicators at scale: our streaming computation against DuckDB
 * (@duckdb/node-api) on the same gzip CSV files, each in its own child process, side by side:
 * wall time, peak RSS (the child's own getrusage maxRSS) and the ratio. It also checks that both
 * give the same numerators and denominators for every ESSMS. Figures are printed, never asserted.
 *
 *   npx tsx bench/indicators.ts [--usagers 1000000] [--events 50000000] [--files 8] [--at 2025-04-01]
 *     [--only ours|ours-1|duckdb]
 *
 * `ours` reads event files with one worker thread per core, `ours-1` in the main thread only.
 *
 * The export is generated once under $TMPDIR/dui-harness-bench/ (bench/generate-indicators-export.ts)
 * and reused while its parameters do not change. The last line is the BENCH-RESULT line read by
 * bench/run-all.ts (bench/bench-result.ts).
 */
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { printBenchResult, type BenchFigure } from './bench-result.ts'
import { generateExport, GENERATOR_OPTIONS, generatorParams } from './generate-indicators-export.ts'
import type { GeneratedExport, GeneratorParams } from './generate-indicators-export.ts'
import { computeIndicators, INDICATOR_IDS, loadConfigFile } from '../harness/indicators/index.ts'
import type { IndicatorsConfig } from '../harness/indicators/index.ts'
// The DuckDB SQL is written from the same resolved plan (windows, kinds) as our computation.
import { buildPlan, parseMeasurementDate } from '../harness/indicators/plan.ts'
import { formatDay, NO_DAY } from '../harness/indicators/day.ts'

type Engine = 'ours' | 'ours-1' | 'duckdb'

/** Per FINESS: accompanied, then [numerator, denominator] of each indicator. */
type Counts = Record<string, number[]>

interface ChildResult {
  readonly engine: Engine
  readonly seconds: number
  readonly maxRssMb: number
  readonly counts: Counts
  readonly note: string
}

function sqlList(paths: readonly string[]): string {
  return `[${paths.map((p) => `'${p.replaceAll("'", "''")}'`).join(', ')}]`
}

/** The five indicators as one DuckDB query, from the same plan as ours. */
export function duckdbSql(exported: GeneratedExport, config: IndicatorsConfig): string {
  const plan = buildPlan(config, parseMeasurementDate(exported.params.at))
  const date = (day: number): string => `DATE '${formatDay(day)}'`
  const kinds = (list: readonly string[]): string => list.map((k) => `'${k}'`).join(', ')
  const flags: string[] = []
  const selects: string[] = []
  plan.indicators.forEach((indicator, i) => {
    const { start, end } = indicator.window
    flags.push(`bool_or(kind IN (${kinds(config.activeEventKinds)}) AND d BETWEEN ${date(start)} AND ${date(end)}) AS active_${i}`)
    const numerator = indicator.config.numerator
    if (numerator === 'active') flags.push(`bool_or(kind IN (${kinds(config.activeEventKinds)}) AND d BETWEEN ${date(start)} AND ${date(end)}) AS has_${i}`)
    else {
      const range = indicator.numeratorRange
      const from = range.start === NO_DAY ? '' : `d >= ${date(range.start)} AND `
      flags.push(`bool_or(kind IN (${kinds(numerator.eventKinds)}) AND ${from}d <= ${date(range.end)}) AS has_${i}`)
    }
    const accompanied = `(u.admission_date <= ${date(end)} AND (u.exit_date IS NULL OR u.exit_date >= ${date(start)}))`
    const denominator = indicator.config.denominator === 'active' ? `${accompanied} AND coalesce(f.active_${i}, false)` : accompanied
    if (i === 0) selects.push(`count(*) FILTER (WHERE ${accompanied}) AS accompanied`)
    selects.push(`count(*) FILTER (WHERE ${denominator} AND coalesce(f.has_${i}, false)) AS num_${i}`)
    selects.push(`count(*) FILTER (WHERE ${denominator}) AS den_${i}`)
  })
  return `
WITH u AS (
  SELECT * FROM read_csv(${sqlList(exported.usagerFiles)}, header = true,
    columns = {'usager_id': 'VARCHAR', 'finess': 'VARCHAR', 'admission_date': 'DATE', 'exit_date': 'DATE'})
), e AS (
  SELECT usager_id, kind, CAST(substr(date, 1, 10) AS DATE) AS d FROM read_csv(${sqlList(exported.eventFiles)}, header = true,
    columns = {'usager_id': 'VARCHAR', 'kind': 'VARCHAR', 'date': 'VARCHAR'})
), f AS (
  SELECT usager_id, ${flags.join(',\n    ')} FROM e GROUP BY usager_id
)
SELECT u.finess, ${selects.join(',\n  ')}
FROM u LEFT JOIN f USING (usager_id)
GROUP BY u.finess ORDER BY u.finess`
}

async function runChild(engine: Engine, exported: GeneratedExport): Promise<ChildResult> {
  const config = loadConfigFile(exported.configFile)
  const started = performance.now()
  let counts: Counts = {}
  let note = ''
  if (engine !== 'duckdb') {
    const threads = engine === 'ours' ? cpus().length : 1
    const report = await computeIndicators([...exported.usagerFiles, ...exported.eventFiles], { at: exported.params.at, config, configFile: exported.configFile, threads })
    for (const e of report.essms) counts[e.finess] = [e.accompanied, ...e.indicators.flatMap((r) => [r.numerator, r.denominator])]
    note = `${threads} thread${threads > 1 ? 's' : ''} de lecture ; ${report.input.usagers} dossiers, ${report.input.events} évènements, ${report.input.badRows.total} lignes invalides ; ` +
      `projets atteints ${report.projects.filter((p) => p.verdict.met).length}/${report.projects.length}, ESSMS atteints ${report.essms.filter((e) => e.verdict.met).length}/${report.essms.length}`
  } else {
    const { DuckDBInstance } = await import('@duckdb/node-api')
    const instance = await DuckDBInstance.create(':memory:', { threads: String(cpus().length) })
    const connection = await instance.connect()
    const reader = await connection.runAndReadAll(duckdbSql(exported, config))
    counts = {}
    for (const row of reader.getRowObjectsJS()) {
      const values = [Number(row['accompanied'])]
      INDICATOR_IDS.forEach((_, i) => values.push(Number(row[`num_${i}`]), Number(row[`den_${i}`])))
      counts[String(row['finess'])] = values
    }
    connection.closeSync()
    instance.closeSync()
    note = `${cpus().length} threads DuckDB`
  }
  const seconds = (performance.now() - started) / 1000
  return { engine, seconds, maxRssMb: process.resourceUsage().maxRSS / 1024, counts, note }
}

async function spawnChild(engine: Engine, params: GeneratorParams): Promise<ChildResult & { processSeconds: number }> {
  const started = performance.now()
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), '--child', engine, '--params', JSON.stringify(params)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  let out = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (out += text))
  const [code] = (await once(child, 'exit')) as [number | null]
  if (code !== 0) throw new Error(`${engine}: child exited with ${code}`)
  return { ...(JSON.parse(out) as ChildResult), processSeconds: (performance.now() - started) / 1000 }
}

function compare(a: Counts, b: Counts): { same: number; total: number; firstDiff?: string } {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)])
  let same = 0
  let firstDiff: string | undefined
  for (const key of keys) {
    const x = JSON.stringify(a[key])
    const y = JSON.stringify(b[key])
    if (x === y) same++
    else firstDiff ??= `${key}: ours ${x} / duckdb ${y}`
  }
  return { same, total: keys.size, ...(firstDiff === undefined ? {} : { firstDiff }) }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      ...GENERATOR_OPTIONS,
      only: { type: 'string' },
      child: { type: 'string' },
      params: { type: 'string' },
    },
  })
  if (values.child !== undefined) {
    const params = JSON.parse(values.params ?? '{}') as GeneratorParams
    const result = await runChild(values.child as Engine, await generateExport(params))
    process.stdout.write(JSON.stringify(result))
    return
  }
  const params = generatorParams(values)
  const log = (line: string): void => void process.stdout.write(`${line}\n`)
  log(`Bench indicateurs : ${params.usagers} dossiers, ${params.events} évènements, ${params.files} fichiers d'évènements gzip CSV, date de mesure ${params.at}`)
  log(`Machine : ${cpus().length} cœurs (${cpus()[0]?.model ?? '?'}), ${(totalmem() / 2 ** 30).toFixed(1)} Gio, Node ${process.version}`)
  const genStart = performance.now()
  const exported = await generateExport(params)
  log(`Export ${exported.reused ? 'réutilisé' : `généré en ${((performance.now() - genStart) / 1000).toFixed(1)} s`} : ${exported.dir}`)
  const engines: Engine[] = values.only === undefined ? ['ours', 'ours-1', 'duckdb'] : [values.only as Engine]
  const results: (ChildResult & { processSeconds: number })[] = []
  for (const engine of engines) {
    const load = (): string => loadavg().map((l) => l.toFixed(1)).join(' ')
    log(`… ${engine} (charge de la machine avant : ${load()})`)
    const result = await spawnChild(engine, params)
    log(`  ${engine} : ${result.seconds.toFixed(1)} s de calcul (${result.processSeconds.toFixed(1)} s processus), pic RSS ${result.maxRssMb.toFixed(0)} Mo — ${result.note} (charge après : ${load()})`)
    results.push(result)
  }
  const duck = results.find((r) => r.engine === 'duckdb')
  const scale = `${params.usagers} dossiers, ${params.events} évènements`
  if (duck !== undefined) {
    for (const ours of results.filter((r) => r.engine !== 'duckdb')) {
      log('')
      log(`  ${ours.engine.padEnd(14)}    nous     DuckDB    ratio nous/DuckDB`)
      log(`  temps (s)       ${ours.seconds.toFixed(1).padStart(9)}  ${duck.seconds.toFixed(1).padStart(9)}    ${(ours.seconds / duck.seconds).toFixed(2)}`)
      log(`  pic RSS (Mo)    ${ours.maxRssMb.toFixed(0).padStart(9)}  ${duck.maxRssMb.toFixed(0).padStart(9)}    ${(ours.maxRssMb / duck.maxRssMb).toFixed(2)}`)
      const agreement = compare(ours.counts, duck.counts)
      log(`  accord : ${agreement.same}/${agreement.total} ESSMS identiques (accompagnés + numérateur et dénominateur des 5 indicateurs)${agreement.firstDiff === undefined ? '' : ` ; premier écart ${agreement.firstDiff}`}`)
      if (agreement.same !== agreement.total) process.exitCode = 1
    }
  }
  const figures: BenchFigure[] = []
  for (const result of results.filter((r) => r.engine !== 'duckdb')) {
    const threads = result.engine === 'ours' ? `${cpus().length} threads` : '1 thread'
    const reference = (value: number | undefined) => (duck === undefined || value === undefined ? {} : { reference: `DuckDB (${cpus().length} threads, mêmes fichiers)`, referenceValue: value })
    const same = duck === undefined ? undefined : compare(result.counts, duck.counts)
    const agreement = same === undefined ? '' : ` ; ${same.same}/${same.total} ESSMS identiques à DuckDB`
    figures.push({ figure: `indicateurs à l'échelle, temps de calcul (${threads})`, value: result.seconds, unit: 's', ...reference(duck?.seconds), note: `${scale}${agreement}` })
    figures.push({ figure: `indicateurs à l'échelle, pic de mémoire RSS (${threads})`, value: result.maxRssMb, unit: 'Mo', ...reference(duck?.maxRssMb), note: scale })
  }
  printBenchResult('indicators', figures)
}

await main()
