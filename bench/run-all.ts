// `npm run bench`: runs every benchmark of bench/ one after the other (each in its own process,
// so one does not warm or load the next), prints their figures, and writes bench/results.json.
// Sizes are moderate by default so the whole run takes minutes; pass --full for the issue-sized
// runs (indicators at 1 M usagers / 50 M events: tens of minutes and ~0.5 GB of temporary files).
import { spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { cpus, totalmem } from 'node:os'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const full = process.argv.includes('--full')

interface Bench {
  readonly name: string
  readonly what: string
  readonly args: readonly string[]
}

const BENCHES: readonly Bench[] = [
  { name: 'dmp', what: 'simulateur DMP : ITI-65 et ITI-41 par seconde, 1 et 16 clients, contre un écho node:http', args: ['bench/dmp.ts', '--requests', full ? '800' : '200'] },
  { name: 'mssante', what: 'simulateur MSSanté : messages par seconde avec validation XDM, 1 et 16 clients', args: ['bench/mssante.ts', full ? '20' : '5'] },
  { name: 'cda', what: 'validation CDA : documents par seconde (règles intégrées, kit officiel), rapport à xmllint', args: ['bench/cda.ts', '--rounds', full ? '5' : '2'] },
  { name: 'indicators', what: 'indicateurs ESMS numérique : temps et mémoire, rapport à DuckDB', args: ['bench/indicators.ts', ...(full ? [] : ['--usagers', '100000', '--events', '5000000', '--files', '2'])] },
]

interface Result {
  readonly name: string
  readonly what: string
  readonly command: string
  readonly exitCode: number | null
  readonly durationMs: number
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
  return { name: bench.name, what: bench.what, command: `npx tsx ${bench.args.join(' ')}`, exitCode, durationMs: Date.now() - started, output }
}

const results: Result[] = []
for (const bench of BENCHES) {
  process.stdout.write(`\n== ${bench.name} — ${bench.what}\n`)
  results.push(await run(bench))
}
const machine = { platform: process.platform, arch: process.arch, node: process.version, cores: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) }
writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify({ at: new Date().toISOString(), full, machine, results }, null, 2)}\n`)
process.stdout.write('\n| banc | durée | code de sortie |\n| --- | --- | --- |\n')
for (const result of results) process.stdout.write(`| ${result.name} | ${(result.durationMs / 1000).toFixed(1)} s | ${result.exitCode} |\n`)
process.stdout.write('Résultats détaillés : bench/results.json\n')
process.exitCode = results.every((result) => result.exitCode === 0) ? 0 : 1
