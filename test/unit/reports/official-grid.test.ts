import { readFileSync } from 'node:fs'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { OfficialGridCoverage, RunReport } from '../../../harness/core/report.ts'
import { renderHtml } from '../../../reports/html.ts'
import { renderJunit } from '../../../reports/junit.ts'
import { renderMarkdown } from '../../../reports/markdown.ts'
import { INJECTED, makeSampleRun } from '../../fixtures/reports/sample-run.ts'

const sample = makeSampleRun()
// A synthetic imported grid judged against the sample run's coverage (DMP-001 verified, DMP-003 failed).
const officialGrid: OfficialGridCoverage = {
  source: { file: 'grille-synthetique.xlsx', sha256: 'b'.repeat(64), importedAt: '2026-11-22T09:00:00.000Z', sheet: 'Exigences' },
  rows: [
    { reference: 'SYNTH/dmp.1', section: 'DMP', sectionLabel: 'Alimentation', level: 'EXIGENCE', text: `[synthétique] alimenter le DMP ${INJECTED}`, requirements: ['DMP-001'], status: 'covered' },
    { reference: 'SYNTH/dmp.2', section: 'DMP', level: 'EXIGENCE', text: '[synthétique] taille et empreinte', requirements: ['DMP-001', 'DMP-003'], status: 'failed', note: 'non conforme : DMP-003' },
    { reference: 'SYNTH/mss.1', section: 'MSS', level: 'PRECONISATION', text: '[synthétique] affichage', requirements: ['MSS-002'], status: 'manual', note: 'preuve manuelle attendue : MSS-002' },
    { reference: 'SYNTH|x.1', section: 'SYNTH', level: 'EXIGENCE', text: '[synthétique] hors banc', requirements: [], status: 'not-covered', note: 'hors périmètre du banc' },
  ],
  summary: { failed: 1, error: 0, 'not-run': 0, manual: 1, covered: 1, 'not-covered': 1 },
}
const withGrid: RunReport = { ...sample.report, officialGrid }

describe('official grid in the reports', () => {
  it('report.json with an officialGrid section is valid against docs/report.schema.json; a wrong status is not', () => {
    const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(new URL('../../../docs/report.schema.json', import.meta.url), 'utf8')) as object)
    expect(validate(withGrid), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...withGrid, officialGrid: { ...officialGrid, rows: [{ ...officialGrid.rows[0], status: 'verified' }] } })).toBe(false)
  })

  it('HTML: a section lists the rows under their official number, our ids, the status, a link to the failure', () => {
    const html = renderHtml(withGrid)
    const start = html.indexOf('id="grille-officielle"')
    expect(start).toBeGreaterThan(0)
    const section = html.slice(start, html.indexOf('</section>', start))
    expect(section).toContain('Grille <strong>grille-synthetique.xlsx</strong>, feuille « Exigences »')
    expect(section).toContain('couverte : 1, non conforme : 1, preuve manuelle attendue : 1, non couverte par le banc : 1')
    expect(section).toMatch(/<tr data-reference="SYNTH\/dmp.2" data-status="failed"><td><code>SYNTH\/dmp.2<\/code><\/td>.*<td>DMP-001, <a href="#req-DMP-003">DMP-003<\/a><\/td><td><span class="badge failed">non conforme<\/span>/)
    expect(section).toMatch(/data-status="covered">.*<span class="badge verified">couverte<\/span>/)
    expect(section).toMatch(/data-reference="SYNTH\|x.1" data-status="not-covered">.*<td>—<\/td>.*non couverte par le banc.*hors périmètre du banc/)
    expect(section).toContain('<tbody data-section="DMP"><tr><th colspan="5">DMP — Alimentation</th></tr>')
    expect(section).not.toContain(INJECTED)
  })

  it('HTML, Markdown and JUnit say nothing of a grid the run did not have', () => {
    expect(renderHtml(sample.report)).not.toContain('grille-officielle')
    expect(renderMarkdown(sample.report)).not.toContain('Grille officielle')
    expect(renderJunit(sample.report)).not.toContain('name="official"')
  })

  it('summary.md: a table with the official number first, a pipe in a reference escaped', () => {
    const md = renderMarkdown(withGrid)
    expect(md).toContain('## Grille officielle')
    expect(md).toContain('Grille `grille-synthetique.xlsx` (feuille « Exigences ») : 4 ligne(s) — couverte : 1, non conforme : 1, preuve manuelle attendue : 1, non couverte par le banc : 1.')
    expect(md).toContain('| SYNTH/dmp.2 | DMP | exigence | DMP-001, DMP-003 | non conforme | non conforme : DMP-003 |')
    expect(md).toContain('| SYNTH\\|x.1 | SYNTH | exigence | — | non couverte par le banc | hors périmètre du banc |')
  })

  it('JUnit: each step carries the official references its requirements check', () => {
    const xml = renderJunit(withGrid)
    const share = xml.slice(xml.indexOf('<property name="step" value="dmp-feed/share"/>'), xml.indexOf('</properties>', xml.indexOf('<property name="step" value="dmp-feed/share"/>')))
    expect(share).toContain('<property name="official" value="SYNTH/dmp.1"/>')
    expect(share).toContain('<property name="official" value="SYNTH/dmp.2"/>')
    expect(share).not.toContain('SYNTH/mss.1')
  })
})
