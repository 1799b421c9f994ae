import { existsSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseFormats, writeFormats } from '../../../reports/formats.ts'
import { makeSampleRun } from '../../fixtures/reports/sample-run.ts'

describe('report formats', () => {
  it('parses a list into the canonical order, bundle last, and refuses unknown names', () => {
    expect(parseFormats(undefined)).toEqual(['html', 'junit', 'md', 'bundle'])
    expect(parseFormats('bundle, md')).toEqual(['md', 'bundle'])
    expect(() => parseFormats('html,pdf')).toThrow('format inconnu « pdf » (formats : html, junit, md, bundle)')
    expect(() => parseFormats(',')).toThrow(/format inconnu/)
  })

  it('writes every format from report.json data into the run directory', async () => {
    const { dir, report } = makeSampleRun()
    const lines: string[] = []
    const written = await writeFormats(parseFormats(undefined), { runDir: dir, report, log: (l) => lines.push(l) })
    expect(written).toEqual(['report.html', 'junit.xml', 'summary.md', 'bundle.zip'].map((f) => join(dir, f)))
    for (const file of written) expect(existsSync(file)).toBe(true)
    expect(lines[0]).toMatch(/^Paquet scellé : .*bundle\.zip \(clé éphémère ; clé publique [A-Za-z0-9+/=]+, empreinte SHA256:/)
    rmSync(join(dir, 'report.html'))
    await writeFormats(['html'], { runDir: dir, report, log: () => {} })
    expect(existsSync(join(dir, 'report.html'))).toBe(true)
  })
})
