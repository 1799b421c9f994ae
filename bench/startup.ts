// Start-up time of the harness as a user meets it (bin/dui-harness.js, TypeScript through tsx, no
// build step): `--version`, `list scenarios`, and `mocks --print-endpoints` until its endpoints line
// (every simulator listening, test PKI generated), next to a bare `node -e ''` (the runtime's own
// start). Median of --runs runs (default 5), each command in a fresh process.
// Usage: npx tsx bench/startup.ts [--runs <n>]. Prints figures only; never a test.
// The last line is the BENCH-RESULT line read by bench/run-all.ts (bench/bench-result.ts).
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { percentiles, printBenchResult } from './bench-result.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const bin = join(root, 'bin/dui-harness.js')
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } })
const runs = Math.max(1, Number(values.runs))

/** Milliseconds from spawn to exit (code 0 required). */
async function untilExit(args: readonly string[]): Promise<number> {
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new Error(`node ${args.join(' ')} : code de sortie ${code}`)
  return performance.now() - started
}

/** Milliseconds from spawn to the endpoints line of `mocks --print-endpoints`; then stops it. */
async function untilEndpoints(): Promise<number> {
  const out = mkdtempSync(join(tmpdir(), 'bench-startup-'))
  const started = performance.now()
  // Own process group: the launcher runs the CLI in a child, and both must stop afterwards.
  const child = spawn(process.execPath, [bin, 'mocks', '--print-endpoints', '--out', out], { cwd: root, detached: true, stdio: ['ignore', 'pipe', 'inherit'] })
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`dui-harness mocks arrêté avant sa ligne de points d'accès (code ${code})`)))
    createInterface({ input: child.stdout! }).once('line', resolve)
  })
  const ms = performance.now() - started
  JSON.parse(line)
  const exited = new Promise((resolve) => child.once('exit', resolve))
  process.kill(-child.pid!, 'SIGINT')
  await exited
  rmSync(out, { recursive: true, force: true })
  return ms
}

async function median(measure: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await measure())
  return percentiles(times).median
}

const bare = await median(() => untilExit(['-e', '']))
const version = await median(() => untilExit([bin, '--version']))
const list = await median(() => untilExit([bin, 'list', 'scenarios']))
const mocks = await median(untilEndpoints)

console.log(`Démarrage de dui-harness (bin/dui-harness.js, tsx), médiane de ${runs} lancements, node ${process.version}`)
console.log(`node -e ''                              : ${bare.toFixed(0)} ms`)
console.log(`dui-harness --version                   : ${version.toFixed(0)} ms`)
console.log(`dui-harness list scenarios              : ${list.toFixed(0)} ms`)
console.log(`dui-harness mocks --print-endpoints     : ${mocks.toFixed(0)} ms jusqu'à la ligne des points d'accès`)
const reference = { reference: "node -e '' (démarrage du runtime seul)", referenceValue: bare }
const note = `médiane de ${runs} lancements`
printBenchResult('startup', [
  { figure: 'démarrage, dui-harness --version', value: version, unit: 'ms', ...reference, note },
  { figure: 'démarrage, dui-harness list scenarios', value: list, unit: 'ms', ...reference, note },
  { figure: 'démarrage, dui-harness mocks jusqu\'à la ligne des points d\'accès (simulateurs prêts)', value: mocks, unit: 'ms', ...reference, note },
])
