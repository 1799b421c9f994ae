// Full campaign against the reference DUI, as a user runs it (`dui-harness run`, its own process):
// wall time, and the harness's own cost per step, i.e. the time a step does not spend waiting on
// the candidate (driver calls and expected traffic: `candidateMs` of report.json), set against the
// time spent in the candidate. Median over --runs campaigns (default 1).
// Usage: npx tsx bench/campaign.ts [--runs <n>] [--concurrency <n>]. Prints figures only; never a test.
// The last line is the BENCH-RESULT line read by bench/run-all.ts (bench/bench-result.ts).
import { spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { RunReport } from '../harness/core/report.ts'
import { percentiles, printBenchResult } from './bench-result.ts'

const root = fileURLToPath(new URL('..', import.meta.url))
const { values } = parseArgs({ options: { runs: { type: 'string', default: '1' }, concurrency: { type: 'string' } } })
const runs = Math.max(1, Number(values.runs))

interface Campaign {
  readonly wallMs: number
  readonly report: RunReport
}

async function campaign(): Promise<Campaign> {
  const out = mkdtempSync(join(tmpdir(), 'bench-campaign-'))
  const args = [join(root, 'bin/dui-harness.js'), 'run', '--out', out, ...(values.concurrency ? ['--concurrency', values.concurrency] : [])]
  const started = performance.now()
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] })
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  const wallMs = performance.now() - started
  if (code !== 0) throw new Error(`dui-harness run contre le DUI de référence : code de sortie ${code} (0 attendu) ; campagne dans ${out}`)
  const [runId] = readdirSync(out)
  const report = JSON.parse(readFileSync(join(out, runId!, 'report.json'), 'utf8')) as RunReport
  rmSync(out, { recursive: true, force: true })
  return { wallMs, report }
}

const campaigns: Campaign[] = []
for (let i = 0; i < runs; i++) campaigns.push(await campaign())
// The median campaign by wall time stands for all: its steps are the ones measured.
const { wallMs, report } = [...campaigns].sort((a, b) => a.wallMs - b.wallMs)[Math.floor((campaigns.length - 1) / 2)]!
const steps = report.scenarios.flatMap((scenario) => scenario.steps).filter((step) => step.verdict !== 'skip' && step.verdict !== 'cancel')
const overhead = steps.map((step) => Math.max(0, step.durationMs - step.candidateMs))
const inCandidate = steps.map((step) => step.candidateMs)
const sum = (list: readonly number[]) => list.reduce((total, value) => total + value, 0)
const campaignMs = Date.parse(report.finishedAt) - Date.parse(report.startedAt)
const o = percentiles(overhead)
const c = percentiles(inCandidate)

const note = `${report.scenarios.length} scénarios, ${steps.length} étapes, verdict ${report.verdict}${runs > 1 ? `, médiane de ${runs} campagnes` : ''}`
console.log(`Campagne complète contre le DUI de référence (dui-harness run) : ${note}`)
console.log(`durée du processus                        : ${(wallMs / 1000).toFixed(1)} s (dont campagne ${(campaignMs / 1000).toFixed(1)} s, de startedAt à finishedAt)`)
console.log(`Σ durée des étapes                        : ${(sum(steps.map((s) => s.durationMs)) / 1000).toFixed(1)} s ; Σ temps dans le candidat ${(sum(inCandidate) / 1000).toFixed(1)} s`)
console.log(`surcoût du banc par étape (durée − candidat) : médiane ${o.median} ms, p95 ${o.p95} ms, total ${(sum(overhead) / 1000).toFixed(2)} s`)
console.log(`temps dans le candidat par étape             : médiane ${c.median} ms, p95 ${c.p95} ms`)

const candidate = 'temps passé dans le candidat (candidateMs)'
printBenchResult('campaign', [
  { figure: 'campagne complète contre le DUI de référence, durée du processus dui-harness run', value: wallMs / 1000, unit: 's', reference: `${candidate}, Σ des étapes`, referenceValue: sum(inCandidate) / 1000, note: `${note} ; campagne seule (startedAt → finishedAt) ${(campaignMs / 1000).toFixed(1)} s` },
  { figure: 'campagne, hors scénarios (démarrage, simulateurs, DUI de référence, rapports et paquet scellé)', value: (wallMs - campaignMs) / 1000, unit: 's', note },
  { figure: 'campagne, surcoût du banc par étape (durée − temps dans le candidat), médiane', value: o.median, unit: 'ms', reference: `${candidate}, médiane par étape`, referenceValue: c.median, note },
  { figure: 'campagne, surcoût du banc par étape, p95', value: o.p95, unit: 'ms', reference: `${candidate}, p95 par étape`, referenceValue: c.p95, note },
  { figure: 'campagne, surcoût du banc, total des étapes', value: sum(overhead) / 1000, unit: 's', reference: `${candidate}, Σ des étapes`, referenceValue: sum(inCandidate) / 1000, note },
])
