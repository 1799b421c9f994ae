// The candidate misbehaves (dies, stalls, answers garbage) or the harness itself is interrupted:
// steps end in `error` with the reason, the campaign goes on, and an interrupted run keeps every
// evidence file received so far with a partial report.json. Garbage on a single call and the
// runner's own interruption are covered in test/unit/core/runner.test.ts; here it is the real CLI
// against a real candidate process (test/fixtures/drivers/faulty-driver.mjs in front of the
// reference DUI).
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface, type Interface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { afterEach, describe, expect, it } from 'vitest'
import type { Evidence } from '../../harness/core/evidence.ts'
import type { RunReport } from '../../harness/core/report.ts'
import { REPO_ROOT, runCli, spawnCli, TSX_LOADER } from '../helpers/cli.ts'
import { readOnlyRun } from '../helpers/run-dir.ts'

const validateReport = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'docs/report.schema.json'), 'utf8')) as object)
const FAULTY_DRIVER = fileURLToPath(new URL('../fixtures/drivers/faulty-driver.mjs', import.meta.url))
const REFERENCE_DUI = join(REPO_ROOT, 'examples/reference-dui/main.ts')
/**
 * One scenario that runs alone (dmp-no-dmp, usager USG-0106), then two that may run concurrently
 * (USG-0001, USG-0101). Faults are keyed by action and usager, so each lands on one scenario
 * whatever the scheduling.
 */
const SCENARIOS = ['dmp-no-dmp', 'dmp-feed-n1-qualified', 'dmp-feed-xds']

/** Processes of one test: the reference DUI, the faulty driver in front of it, an interrupted CLI. */
const children: ChildProcess[] = []

/** Starts a process that prints a JSON line first (its URL); later lines come from `lines`. */
async function startPrinting(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<{ child: ChildProcess; first: { url: string }; lines: Interface }> {
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  const lines = createInterface({ input: child.stdout! })
  const first = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${args.at(-1)} s'est arrêté avant d'écouter (code ${code})`)))
    lines.once('line', resolve)
  })
  return { child, first: JSON.parse(first) as { url: string }, lines }
}

/** The faulty driver in front of a fresh reference DUI; `injected` resolves on its first fault. */
async function startFaultyDriver(faults: string): Promise<{ url: string; injected: Promise<{ fault: string; action: string; usager: string }> }> {
  const reference = await startPrinting(['--import', TSX_LOADER, REFERENCE_DUI])
  children.push(reference.child)
  const { child, first, lines } = await startPrinting([FAULTY_DRIVER], { FAULTY_DRIVER_UPSTREAM: reference.first.url, FAULTY_DRIVER_FAULTS: faults })
  children.push(child)
  return { url: first.url, injected: new Promise((resolve) => lines.once('line', (line) => resolve(JSON.parse(line) as { fault: string; action: string; usager: string }))) }
}

/** A run folder with a config of short timeouts, so a stalled candidate costs seconds. */
function workspace(): { out: string; config: string } {
  const dir = mkdtempSync(join(tmpdir(), 'candidate-faults-'))
  const config = join(dir, 'dui-harness.config.json')
  writeFileSync(config, JSON.stringify({ timeouts: { stepMs: 5000, trafficMs: 3000 } }))
  return { out: join(dir, 'runs'), config }
}

function runArgs(url: string, ws: { out: string; config: string }, scenarios = SCENARIOS): string[] {
  return ['run', '--candidate', url, '--scenarios', scenarios.join(','), '--out', ws.out, '--config', ws.config]
}

function readRun(out: string): { dir: string; report: RunReport } {
  const { dir, report } = readOnlyRun(out)
  expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
  return { dir, report }
}

function scenario(report: RunReport, id: string): RunReport['scenarios'][number] {
  const found = report.scenarios.find((candidate) => candidate.id === id)
  if (!found) throw new Error(`scénario ${id} absent du rapport`)
  return found
}

function verdicts(report: RunReport, id: string): string[] {
  return scenario(report, id).steps.map((step) => step.verdict)
}

function messageOf(report: RunReport, stepId: string): string {
  return report.scenarios.flatMap((s) => s.steps).find((step) => step.id === stepId)?.message ?? ''
}

/** Every record of evidence/index.ndjson is in the report, and its files are on disk, intact. */
function expectEvidenceIntact(dir: string, report: RunReport): void {
  const index = readFileSync(join(dir, 'evidence/index.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Evidence)
  expect(index.length).toBeGreaterThan(0)
  expect(report.evidence.map((record) => record.id)).toEqual(index.map((record) => record.id))
  for (const record of index) {
    for (const file of record.files) {
      const bytes = readFileSync(join(dir, file.path))
      expect({ path: file.path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual({ path: file.path, bytes: file.bytes, sha256: file.sha256 })
    }
  }
}

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL')
})

describe('a candidate that misbehaves', () => {
  it('dies mid-scenario: the step in flight is an error naming the candidate, the next scenarios error at once, the report is complete', async () => {
    const driver = await startFaultyDriver('document.produce@USG-0106:die')
    const ws = workspace()
    const result = await runCli(runArgs(driver.url, ws))
    expect(await driver.injected).toEqual({ fault: 'die', action: 'document.produce', usager: 'USG-0106' })
    expect(result.code, result.stderr).toBe(3)
    const { dir, report } = readRun(ws.out)
    expect(report).toMatchObject({ interrupted: false, verdict: 'error', exitCode: 3 })
    expect(verdicts(report, 'dmp-no-dmp')).toEqual(['pass', 'error', 'skip'])
    expect(messageOf(report, 'dmp-no-dmp/produce-document')).toBe(
      `candidat injoignable (POST ${driver.url}/actions/document.produce) : connexion coupée par le candidat pendant l'appel (UND_ERR_SOCKET)`,
    )
    // Refused at once, not a timeout: a dead candidate does not cost each step its time budget.
    for (const id of ['dmp-feed-n1-qualified', 'dmp-feed-xds']) {
      expect(verdicts(report, id)).toEqual(['error', 'skip', 'skip'])
      // Refused by the closed port, or cut on a kept-alive socket the dying process still held.
      expect(messageOf(report, `${id}/register-usager`)).toMatch(new RegExp(`^candidat injoignable \\(POST ${driver.url}/actions/identity\\.create\\) : (ECONNREFUSED|connexion coupée par le candidat pendant l'appel \\(UND_ERR_SOCKET\\))$`))
    }
    expectEvidenceIntact(dir, report)
  })

  it('stalls on an action: that step is an error past its time budget (config timeouts.stepMs), the other scenarios pass', async () => {
    const driver = await startFaultyDriver('dmp.share@USG-0001:stall')
    const ws = workspace()
    const result = await runCli(runArgs(driver.url, ws))
    expect(await driver.injected).toMatchObject({ fault: 'stall', action: 'dmp.share' })
    expect(result.code, result.stderr).toBe(3)
    const { report } = readRun(ws.out)
    expect(verdicts(report, 'dmp-feed-n1-qualified')).toEqual(['pass', 'pass', 'error'])
    expect(messageOf(report, 'dmp-feed-n1-qualified/share-iti65')).toBe('l\'étape a dépassé son délai de 5 s')
    expect(verdicts(report, 'dmp-no-dmp')).toEqual(['pass', 'pass', 'pass'])
    expect(verdicts(report, 'dmp-feed-xds')).toEqual(['pass', 'pass', 'pass'])
  })

  it('answers its driver with garbage, JSON that is not an object, or an object outside the protocol: each is an error with the reason, the rest passes', async () => {
    const driver = await startFaultyDriver('document.produce@USG-0106:garbage,identity.create@USG-0001:array,document.produce@USG-0101:shapeless')
    const ws = workspace()
    const result = await runCli(runArgs(driver.url, ws, [...SCENARIOS, 'dmp-search']))
    expect(result.code, result.stderr).toBe(3)
    const { report } = readRun(ws.out)
    expect(verdicts(report, 'dmp-no-dmp')).toEqual(['pass', 'error', 'skip'])
    expect(messageOf(report, 'dmp-no-dmp/produce-document')).toMatch(/^POST \/actions\/document\.produce a répondu un corps qui n'est pas du JSON \(HTTP 200\) : <html>/)
    expect(verdicts(report, 'dmp-feed-n1-qualified')).toEqual(['error', 'skip', 'skip'])
    expect(messageOf(report, 'dmp-feed-n1-qualified/register-usager')).toMatch(/^réponse de l'action identity\.create hors protocole \(objet JSON attendu\) : \["identity\.create"/)
    expect(verdicts(report, 'dmp-feed-xds')).toEqual(['pass', 'error', 'skip'])
    expect(messageOf(report, 'dmp-feed-xds/produce-document')).toMatch(/^réponse de l'action document\.produce hors protocole \(attendu \{"ok": true.*: \{"status":"done"/)
    expect(new Set(verdicts(report, 'dmp-search'))).toEqual(new Set(['pass']))
  })
})

describe('the harness interrupted', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)('on %s mid-step, keeps every evidence file received so far and writes a partial report marked interrupted (exit 3)', async (signal) => {
    const driver = await startFaultyDriver('dmp.share@USG-0101:stall')
    const ws = workspace()
    const cli = spawnCli(runArgs(driver.url, ws), { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(cli)
    let stderr = ''
    cli.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    cli.stdout!.resume()
    const exited = new Promise<number | null>((resolve) => cli.once('exit', resolve))
    // dmp-no-dmp is done; dmp-feed-xds's share is in flight, never answered, when the signal comes.
    expect(await driver.injected).toMatchObject({ fault: 'stall', action: 'dmp.share' })
    cli.kill(signal)
    expect(await exited, stderr).toBe(3)
    expect(stderr).toMatch(/interruption demandée, écriture du rapport partiel/)
    const { dir, report } = readRun(ws.out)
    expect(report).toMatchObject({ interrupted: true, verdict: 'cancel', exitCode: 3 })
    expect(verdicts(report, 'dmp-no-dmp')).toEqual(['pass', 'pass', 'pass'])
    expect(verdicts(report, 'dmp-feed-xds')).toEqual(['pass', 'pass', 'cancel'])
    expect(messageOf(report, 'dmp-feed-xds/share-iti41')).toBe('campagne interrompue pendant l\'étape')
    // The concurrent scenario was done or cancelled; nothing is judged a failure for the signal.
    for (const step of scenario(report, 'dmp-feed-n1-qualified').steps) expect(['pass', 'cancel']).toContain(step.verdict)
    // What the DMP received before the signal (dmp-no-dmp's TD0.2 check) is kept, as received.
    expect(report.evidence.some((record) => record.direction === 'incoming' && record.handler === 'dmp.td02')).toBe(true)
    expectEvidenceIntact(dir, report)
  })
})
