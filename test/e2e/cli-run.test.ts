import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { Ajv } from 'ajv'
import { afterEach, describe, expect, it } from 'vitest'
import { get as httpsGet } from 'node:https'
import { createServer } from 'node:net'
import { runCli, REPO_ROOT, spawnCli } from '../helpers/cli.ts'
import { readOnlyRun } from '../helpers/run-dir.ts'

const reportSchema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs/report.schema.json'), 'utf8')) as object
const validateReport = new Ajv({ allErrors: true }).compile(reportSchema)

const children: ChildProcess[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

async function startTinyDriver(env: NodeJS.ProcessEnv = {}): Promise<string> {
  const script = fileURLToPath(new URL('../fixtures/drivers/tiny-driver.mjs', import.meta.url))
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] })
  children.push(child)
  const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))
  return (JSON.parse(line) as { url: string }).url
}

describe('dui-harness run', () => {
  it('runs the campaign against the reference DUI: exit 0, progress, report.json valid against its schema, summary.md', async () => {
    const out = mkdtempSync(join(tmpdir(), 'run-ref-'))
    const result = await runCli(['run', '--out', out])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/▶ dmp-feed-n1-qualified/)
    expect(result.stdout).toMatch(/✔ le DUI partage le document dans le DMP/)
    const { dir, report } = readOnlyRun(out)
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true)
    expect(report).toMatchObject({ verdict: 'pass', exitCode: 0, interrupted: false, candidate: { driver: 'reference' } })
    expect(report.coverage.filter((c) => c.id.startsWith('DMP-') && c.automation === 'automatic').every((c) => c.status === 'verified')).toBe(true)
    expect(report.coverage.filter((c) => c.automation === 'manual').every((c) => c.status === 'manual')).toBe(true)
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/Verdict : \*\*réussi\*\*/)
    for (const record of report.evidence) for (const file of record.files) expect(existsSync(join(dir, file.path))).toBe(true)
    expect(report.unhandled).toEqual([])
  })

  it('drives an independent candidate in another process and judges it requirement by requirement', async () => {
    const url = await startTinyDriver()
    const out = mkdtempSync(join(tmpdir(), 'run-tiny-'))
    const result = await runCli(['run', '--out', out, '--candidate', url, '--scenarios', 'dmp-feed-n1-qualified'])
    expect(result.code, result.stdout + result.stderr).toBe(3)
    const { report } = readOnlyRun(out)
    expect(report.candidate).toEqual({ name: 'tiny independent driver', version: '0.0.1', driver: url })
    expect(report.scenarios[0]!.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'fail'])
    const status = (id: string) => report.coverage.find((c) => c.id === id)?.status
    expect([status('DMP-001'), status('DMP-002'), status('DMP-003'), status('DMP-004')]).toEqual(['verified', 'verified', 'verified', 'verified'])
    expect(status('DMP-005')).toBe('failed')
    expect(report.coverage.some((c) => c.id.startsWith('DOC-') && c.status === 'failed')).toBe(true)
  })

  it('reports skip, never pass, when the candidate lacks an action', async () => {
    const url = await startTinyDriver({ TINY_DRIVER_ACTIONS: 'identity.create' })
    const out = mkdtempSync(join(tmpdir(), 'run-tiny-skip-'))
    const result = await runCli(['run', '--out', out, '--candidate', url, '--scenarios', 'dmp-feed-n1-qualified'])
    expect(result.code).toBe(3)
    const { report } = readOnlyRun(out)
    expect(report.scenarios[0]!.steps.map((s) => s.verdict)).toEqual(['pass', 'skip', 'skip'])
    expect(report.scenarios[0]!.steps[1]!.message).toMatch(/ne déclare pas l'action « document.produce »/)
    expect(report.coverage.find((c) => c.id === 'DMP-001')!.status).toBe('not-run')
  })

  it('says the candidate is unreachable in one line, exit 5', async () => {
    const port = await closedPort()
    const result = await runCli(['run', '--out', mkdtempSync(join(tmpdir(), 'run-down-')), '--candidate', `http://127.0.0.1:${port}`])
    expect(result.code).toBe(5)
    expect(result.stderr.trim()).toBe(`dui-harness: candidat injoignable (GET http://127.0.0.1:${port}/capabilities) : ECONNREFUSED`)
  })

  it.each([
    [['run', '--scenarios', 'nope'], 4, /^dui-harness: scénario inconnu : nope/],
    [['run', '--candidate', 'reference:nope'], 4, /^dui-harness: défaut inconnu « nope »/],
    [['run', '--config', 'nonexistent.json'], 4, /^dui-harness: configuration nonexistent\.json illisible : ENOENT/],
    [['list', 'things'], 4, /^dui-harness: liste inconnue « things »/],
  ])('%j gives one clear line and exit %i, never a stack trace', async (args, code, message) => {
    const out = mkdtempSync(join(tmpdir(), 'run-bad-'))
    const result = await runCli([...args, ...(args[0] === 'run' ? ['--out', out] : [])])
    expect(result.code).toBe(code)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(message)
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })

  it('refuses a config file with an unknown key (exit 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'run-config-'))
    writeFileSync(join(dir, 'dui-harness.config.json'), JSON.stringify({ candidate: 'reference', scenarioz: ['x'] }))
    const result = await runCli(['run'], { cwd: dir })
    expect(result.code).toBe(4)
    expect(result.stderr.trim()).toBe('dui-harness: configuration dui-harness.config.json : / clé inconnue « scenarioz »')
  })
})

/** A loopback port nothing listens on (bound then released). */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('dui-harness list', () => {
  it('prints one item per line, id first, tab-separated', async () => {
    for (const kind of ['scenarios', 'requirements', 'defects']) {
      const result = await runCli(['list', kind])
      expect(result.code).toBe(0)
      const lines = result.stdout.trim().split('\n')
      expect(lines.length).toBeGreaterThan(0)
      for (const line of lines) expect(line.split('\t').length).toBeGreaterThanOrEqual(3)
    }
    expect((await runCli(['list', 'defects'])).stdout).toMatch(/^hash-of-pdf\tDMP-003\t/m)
  })
})

describe('dui-harness mocks', () => {
  it('prints the endpoints JSON as its first line and serves until interrupted', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mocks-'))
    const child = spawnCli(['mocks', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))
    const endpoints = JSON.parse(line) as { dmp: { fhir: string } }
    expect(endpoints.dmp.fhir).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fhir$/)
    const response = await fetch(endpoints.dmp.fhir, { method: 'POST', body: '{}' })
    expect(response.status).toBe(400)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGINT')
    expect(await exited).toBe(0)
    expect(readFileSync(join(out, 'evidence/index.ndjson'), 'utf8')).toMatch(/"handler":"dmp.iti65"/)
  })

  it('--tls serves the DMP over HTTPS, trusted through the CA named in the endpoints', async () => {
    const out = mkdtempSync(join(tmpdir(), 'mocks-tls-'))
    const child = spawnCli(['mocks', '--tls', '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] })
    children.push(child)
    const line = await new Promise<string>((resolve) => createInterface({ input: child.stdout! }).once('line', resolve))
    const endpoints = JSON.parse(line) as { dmp: { fhir: string }; ca: string }
    expect(endpoints.dmp.fhir).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/fhir$/)
    expect(endpoints.ca).toBe(join(out, 'ca.pem'))
    const url = `${endpoints.dmp.fhir}/Patient?identifier=${encodeURIComponent('urn:oid:1.2.250.1.213.1.4.10|279035121518989')}`
    const get = (ca?: Buffer) =>
      new Promise<number>((resolve, reject) => {
        httpsGet(url, { ...(ca ? { ca } : {}), servername: 'localhost' }, (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        }).on('error', reject)
      })
    expect(await get(readFileSync(endpoints.ca))).toBe(200)
    await expect(get()).rejects.toThrow(/self[- ]signed|unable to verify|certificate/i)
    child.kill('SIGINT')
  })
})
