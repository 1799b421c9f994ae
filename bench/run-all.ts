// `npm run bench`: runs every benchmark of bench/ one after the other (each in its own process,
// so one does not warm or load the next), then prints ONE table of figures, each next to its
// reference, and writes bench/results.json. Each bench ends its output with a `BENCH-RESULT {json}`
// line (bench/bench-result.ts); the table is described in docs/benchmarks.md.
// Sizes are moderate by default so the whole run takes a few minutes; pass --full for the
// issue-sized runs (indicators at 1 M usagers / 50 M events: tens of minutes and ~0.5 GB of
// temporary files).
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, loadavg, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseBenchResult, ratio, type BenchFigure } from './bench-result.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const full = process.argv.includes('--full')

interface Bench {
  readonly name: string
  readonly what: string
  readonly args: readonly string[]
}

const BENCHES: readonly Bench[] = [
  { name: 'campaign', what: 'campagne complète contre le DUI de référence : durée, surcoût du banc par étape', args: ['bench/campaign.ts', '--runs', full ? '3' : '1'] },
  { name: 'startup', what: 'démarrage de dui-harness (--version, list, mocks), rapport à node -e \'\'', args: ['bench/startup.ts', '--runs', full ? '10' : '5'] },
  { name: 'cda', what: 'validation CDA : documents par seconde (règles intégrées, kit officiel, XSD), rapport à xmllint', args: ['bench/cda.ts', '--rounds', full ? '5' : '2', ...(full ? [] : ['--kit-rounds', '1'])] },
  { name: 'dmp', what: 'simulateur DMP : ITI-65 et ITI-41 par seconde, 1 et 16 clients, contre un écho node:http', args: ['bench/dmp.ts', '--requests', full ? '800' : '200'] },
  { name: 'mssante', what: 'simulateur MSSanté : messages par seconde avec validation, 1 et 16 clients, contre smtp-server nu', args: ['bench/mssante.ts', full ? '20' : '10'] },
  { name: 'indicators', what: 'indicateurs ESMS numérique : temps et mémoire, rapport à DuckDB', args: ['bench/indicators.ts', ...(full ? [] : ['--usagers', '100000', '--events', '5000000', '--files', '2'])] },
]

interface Result {
  readonly name: string
  readonly what: string
  readonly command: string
  readonly exitCode: number | null
  readonly durationMs: number
  readonly figures: readonly BenchFigure[]
  readonly output: string
}

async function run(bench: Bench): Promise<Result> {
  const started = Date.now()
  const tsx = fileURLToPath(new URL('../node_modules/tsx/dist/cli.mjs', import.meta.url))
  const child = spawn(process.execPath, [tsx, ...bench.args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8')
    process.stdout.write(chunk)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve))
  const figures = parseBenchResult(output)?.figures ?? []
  return { name: bench.name, what: bench.what, command: `npx tsx ${bench.args.join(' ')}`, exitCode, durationMs: Date.now() - started, figures, output }
}

/** French decimal comma, precision by magnitude (1432 ms, 17,8 s, 0,22 doc/s, 0,00086 read alike). */
function formatNumber(value: number | undefined): string {
  if (value === undefined) return '—'
  const size = Math.abs(value)
  const text = size >= 100 ? value.toFixed(0) : size >= 10 ? value.toFixed(1) : size >= 0.1 || size === 0 ? value.toFixed(2) : value.toPrecision(2)
  return text.replace('.', ',')
}

const machine = { platform: process.platform, arch: process.arch, node: process.version, cores: cpus().length, cpu: cpus()[0]?.model ?? '?', memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: loadavg().map((load) => Number(load.toFixed(2))) }
const results: Result[] = []
for (const bench of BENCHES) {
  process.stdout.write(`\n== ${bench.name} — ${bench.what}\n`)
  results.push(await run(bench))
}
const rows = results.flatMap((result) => result.figures.map((figure) => ({ bench: result.name, ...figure, ratio: ratio(figure) })))
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), full, machine: { ...machine, loadAverageAtEnd: loadavg().map((load) => Number(load.toFixed(2))) }, figures: rows, benches: results }, null, 2)}\n`)

const out = (line: string) => process.stdout.write(`${line}\n`)
out('')
out(`Mesures dui-harness — ${new Date().toISOString().slice(0, 10)}, ${machine.platform}/${machine.arch}, ${machine.cores} cœurs (${machine.cpu}), ${machine.memoryGiB} Gio, node ${machine.node}, charge ${machine.loadAverageAtStart.join(' ')}${full ? ', tailles complètes (--full)' : ''}`)
out('')
out('| banc | mesure | valeur | unité | référence | valeur de référence | rapport valeur / référence |')
out('| --- | --- | --- | --- | --- | --- | --- |')
for (const row of rows) out(`| ${row.bench} | ${row.figure} | ${formatNumber(row.value)} | ${row.unit} | ${row.reference ?? '—'} | ${formatNumber(row.referenceValue)} | ${formatNumber(row.ratio)} |`)
const failed = results.filter((result) => result.exitCode !== 0 || result.figures.length === 0)
for (const result of failed) out(`${result.name} : ${result.exitCode !== 0 ? `code de sortie ${result.exitCode}` : 'aucune ligne BENCH-RESULT'} (${(result.durationMs / 1000).toFixed(1)} s) — voir sa sortie ci-dessus`)
out(`Durée totale : ${(results.reduce((total, result) => total + result.durationMs, 0) / 1000).toFixed(0)} s. Détail (notes, sorties complètes) : bench/results.json ; lecture du tableau : docs/benchmarks.md`)
process.exitCode = failed.length === 0 ? 0 : 1
