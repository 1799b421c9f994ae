import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'

const fixtures = 'test/fixtures/indicators/hand-computed'
const hand = ['usagers-a.csv', 'usagers-b.ndjson', 'events-a.csv', 'events-b.ndjson'].map((f) => `${fixtures}/${f}`)

describe('dui-harness indicators --run: usage indicators filed with a campaign', () => {
  it('writes indicators.json, adds the section with one chart per indicator to report.html, and reseals the bundle', async () => {
    const out = mkdtempSync(join(tmpdir(), 'indicators-run-'))
    expect((await runCli(['run', '--out', out, '--scenarios', 'dmp-feed-n1-qualified'])).code).toBe(0)
    const runDir = join(out, readdirSync(out)[0]!)
    expect(readFileSync(join(runDir, 'report.html'), 'utf8')).not.toContain('id="indicateurs"')

    const result = await runCli(['indicators', ...hand, '--at', '2025-04-01', '--run', runDir])
    expect(result.code).toBe(3) // the hand-computed export misses targets on purpose
    expect(result.stderr).toMatch(/indicateurs ajoutés à la campagne/)
    expect(existsSync(join(runDir, 'indicators.json'))).toBe(true)
    const html = readFileSync(join(runDir, 'report.html'), 'utf8')
    expect(html).toContain('<section id="indicateurs">')
    const indicators = (JSON.parse(readFileSync(join(runDir, 'indicators.json'), 'utf8')) as { indicators: { id: string }[] }).indicators
    for (const indicator of indicators) expect(html).toContain(`data-indicator="${indicator.id}"`)
    expect(html.match(/<svg role="img"/g)?.length).toBe(indicators.length)

    const verify = await runCli(['verify', join(runDir, 'bundle.zip')])
    expect(verify.code, verify.stdout + verify.stderr).toBe(0)
  })

  it('refuses a --run folder that is not a campaign', async () => {
    const result = await runCli(['indicators', ...hand, '--at', '2025-04-01', '--run', mkdtempSync(join(tmpdir(), 'not-a-run-'))])
    expect(result.code).toBe(4)
    expect(result.stderr.trim()).toMatch(/^dui-harness: --run .* : pas de report\.json dans ce dossier/)
  })
})
