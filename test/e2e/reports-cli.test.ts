import { generateKeyPairSync } from 'node:crypto'
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import type { RunReport } from '../../harness/core/report.ts'
import { readZip } from '../../reports/zip-read.ts'
import { writeZip } from '../../reports/zip-layout.ts'
import { runCli, type CliResult } from '../helpers/cli.ts'
import { readOnlyRun } from '../helpers/run-dir.ts'

interface Run { dir: string; report: RunReport; result: CliResult }

async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  const out = mkdtempSync(join(tmpdir(), 'reports-e2e-'))
  const result = await runCli(['run', '--out', out, ...args], { env })
  return { ...readOnlyRun(out), result }
}

let failing: Run
let passing: Run
beforeAll(async () => {
  // One passing and one failing campaign for the whole file (they are the slow part).
  failing = await run(['--candidate', 'reference:hash-of-pdf'])
  passing = await run([])
})

describe('a run writes every format', () => {
  it('report.json, report.html, junit.xml, summary.md, evidence/ and bundle.zip, and says where', () => {
    expect(failing.result.code, failing.result.stderr).toBe(3)
    for (const name of ['report.json', 'report.html', 'junit.xml', 'summary.md', 'evidence', 'bundle.zip']) expect(existsSync(join(failing.dir, name)), name).toBe(true)
    expect(failing.result.stdout).toMatch(/^Paquet scellé : .*bundle\.zip \(clé éphémère ; clé publique [A-Za-z0-9+/=]+, empreinte SHA256:[A-Za-z0-9+/=]+, aussi dans public-key\.pem\)$/m)
    expect(failing.result.stdout).toMatch(/^Rapports : .*report\.json, .*report\.html, .*junit\.xml, .*summary\.md, .*bundle\.zip, preuves dans .*evidence\/$/m)
    expect(readFileSync(join(failing.dir, 'report.html'), 'utf8')).toMatch(/id="req-DMP-003"/)
    expect(readFileSync(join(failing.dir, 'junit.xml'), 'utf8')).toMatch(/<failure message="[^"]*DMP-003\)" type="[^"]+">/)
  })
})

describe('dui-harness verify', () => {
  it('exit 0 on the bundle of a run, with the key fingerprint', async () => {
    const result = await runCli(['verify', join(failing.dir, 'bundle.zip')])
    expect(result.code, result.stdout + result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Paquet intact : \d+ fichier\(s\) vérifié\(s\), campagne /)
    expect(result.stdout).toMatch(/Signature Ed25519 valide, clé SHA256:.* \(clé éphémère incluse : intégrité prouvée, pas l'origine\)/)
  })

  it('exit 3 naming the file when evidence was changed, added or removed', async () => {
    const { entries } = await readZip(readFileSync(join(failing.dir, 'bundle.zip')))
    // The request the candidate sent to the DMP simulator: the evidence that matters most.
    const target = failing.report.evidence.find((e) => e.direction === 'incoming')!.files[0]!.path
    const flip = (data: Buffer) => {
      const copy = Buffer.from(data)
      copy[copy.length >> 1] = copy[copy.length >> 1]! ^ 0x20
      return copy
    }
    const dir = mkdtempSync(join(tmpdir(), 'reports-tamper-'))
    const changed = join(dir, 'changed.zip')
    writeFileSync(changed, writeZip(entries.map((e) => (e.name === target ? { name: e.name, data: flip(e.data) } : e))))
    const result = await runCli(['verify', changed])
    expect(result.code).toBe(3)
    expect(result.stdout).toMatch(new RegExp(`^Paquet altéré : 1 problème\\(s\\)\\n  ✖ « ${target} » modifié \\(sha256 [0-9a-f]{64} au lieu de [0-9a-f]{64}\\)\\n$`))
    const removed = join(dir, 'removed.zip')
    writeFileSync(removed, writeZip(entries.filter((e) => e.name !== 'report.json')))
    expect((await runCli(['verify', removed])).stdout).toContain('✖ « report.json » retiré du paquet')
  })

  it('exit 3 when signed by another key than the one given, exit 4 when the file is missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-key-'))
    const { publicKey } = generateKeyPairSync('ed25519')
    writeFileSync(join(dir, 'other.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }))
    const result = await runCli(['verify', join(failing.dir, 'bundle.zip'), '--public-key', join(dir, 'other.pub.pem')])
    expect(result.code).toBe(3)
    expect(result.stdout).toMatch(/paquet signé par une autre clé/)
    const missing = await runCli(['verify', join(dir, 'absent.zip')])
    expect(missing.code).toBe(4)
    expect(missing.stderr).toMatch(/^dui-harness: paquet .*absent\.zip illisible : ENOENT\n$/)
  })

  it('uses the key given in DUI_HARNESS_SIGNING_KEY, and verify accepts its public key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-userkey-'))
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    writeFileSync(join(dir, 'key.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }))
    writeFileSync(join(dir, 'key.pub.pem'), publicKey.export({ type: 'spki', format: 'pem' }))
    const { dir: runDir, result } = await run(['--scenarios', 'dmp-feed-n1-qualified'], { DUI_HARNESS_SIGNING_KEY: join(dir, 'key.pem') })
    expect(result.stdout).toMatch(/^Paquet scellé : .*\(clé fournie, empreinte SHA256:/m)
    const verified = await runCli(['verify', join(runDir, 'bundle.zip'), '--public-key', join(dir, 'key.pub.pem')])
    expect(verified.code, verified.stdout).toBe(0)
    expect(verified.stdout).not.toContain('clé éphémère')
  })
})

describe('dui-harness report', () => {
  it('re-renders every format from report.json alone (same HTML, JUnit and summary)', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'reports-rerender-'))
    copyFileSync(join(failing.dir, 'report.json'), join(copy, 'report.json'))
    cpSync(join(failing.dir, 'evidence'), join(copy, 'evidence'), { recursive: true })
    const result = await runCli(['report', copy])
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout).toMatch(/^Rapports régénérés : .*report\.html, .*junit\.xml, .*summary\.md, .*bundle\.zip$/m)
    for (const name of ['report.html', 'junit.xml', 'summary.md']) expect(readFileSync(join(copy, name), 'utf8'), name).toBe(readFileSync(join(failing.dir, name), 'utf8'))
    expect((await runCli(['verify', join(copy, 'bundle.zip')])).code).toBe(0)
  })

  it('renders only the formats asked, and adds the comparison with --compare', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'reports-some-'))
    copyFileSync(join(failing.dir, 'report.json'), join(copy, 'report.json'))
    const result = await runCli(['report', copy, '--format', 'junit,html', '--compare', join(passing.dir, 'report.json')])
    expect(result.code, result.stderr).toBe(0)
    expect(readdirSync(copy).sort()).toEqual(['junit.xml', 'report.html', 'report.json'])
    expect(readFileSync(join(copy, 'report.html'), 'utf8')).toMatch(/id="comparaison"[\s\S]*Régressions \(1\)[\s\S]*DMP-003/)
  })

  it.each([
    [['report', '/nonexistent-run'], /^dui-harness: rapport \/nonexistent-run\/report\.json illisible : ENOENT$/],
    [['report', '.', '--format', 'pdf'], /^dui-harness: format inconnu « pdf » \(formats : html, junit, md, bundle\)$/],
  ])('%j: one line, exit 4', async (args, message) => {
    const result = await runCli(args)
    expect(result.code).toBe(4)
    expect(result.stderr.trim()).toMatch(message)
  })

  it('refuses a report.json that does not match its schema (exit 4)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'reports-bad-'))
    mkdirSync(join(dir, 'evidence'))
    writeFileSync(join(dir, 'report.json'), JSON.stringify({ ...failing.report, verdict: 'maybe' }))
    const result = await runCli(['report', dir])
    expect(result.code).toBe(4)
    expect(result.stderr).toMatch(/non conforme au schéma : \/verdict/)
  })
})

describe('dui-harness diff', () => {
  it('exit 3 with the regression listed, exit 0 the other way round; --html writes the section', async () => {
    const html = join(mkdtempSync(join(tmpdir(), 'reports-diff-')), 'diff.html')
    const worse = await runCli(['diff', join(passing.dir, 'report.json'), join(failing.dir, 'report.json'), '--html', html])
    expect(worse.code).toBe(3)
    expect(worse.stdout).toMatch(/Régressions \(1\) :\n {2}✖ DMP-003 — .* : vérifiée → non conforme/)
    expect(readFileSync(html, 'utf8')).toMatch(/<section id="comparaison">/)
    const better = await runCli(['diff', join(failing.dir, 'report.json'), join(passing.dir, 'report.json')])
    expect(better.code).toBe(0)
    expect(better.stdout).toMatch(/Corrections \(1\) :\n {2}✔ DMP-003[\s\S]*Verdict : aucune régression\./)
    const json = await runCli(['diff', join(failing.dir, 'report.json'), join(passing.dir, 'report.json'), '--json'])
    expect(JSON.parse(json.stdout)).toMatchObject({ regression: false, fixes: [{ id: 'DMP-003' }] })
  })
})
