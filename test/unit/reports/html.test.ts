import { describe, expect, it } from 'vitest'
import { renderHtml, htmlOptionsFor } from '../../../reports/html.ts'
import { runDirReader } from '../../../reports/evidence-view.ts'
import { diffReports } from '../../../reports/diff.ts'
import type { IndicatorsView } from '../../../reports/html-indicators.ts'
import { makeSampleRun, SECRETS } from '../../fixtures/reports/sample-run.ts'

const sample = makeSampleRun({ bigBytes: 64 * 1024 })
const html = renderHtml(sample.report, await htmlOptionsFor(sample.dir, sample.report))

/** Text of the element with this id, up to its closing tag (enough for these checks). */
function section(id: string): string {
  const start = html.indexOf(`id="${id}"`)
  expect(start, id).toBeGreaterThan(0)
  return html.slice(start, html.indexOf('</section>', start))
}

describe('HTML report', () => {
  it('is one French page with no external asset', () => {
    expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/)
    expect(html).not.toMatch(/\s(src|href)=["']?(https?:|\/\/)/i)
    expect(html).not.toMatch(/url\(|@import|<link\b/i)
    expect(html).toContain("default-src 'none'")
  })

  it('renders an injected <script> as text: only our two script elements exist', () => {
    expect(html.match(/<script\b/g)).toHaveLength(2)
    expect(html).toContain('&lt;script&gt;window.__pwned = 1&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;')
    const data = html.slice(html.indexOf('id="report-data">'), html.indexOf('</script>', html.indexOf('id="report-data">')))
    expect(data.slice(1)).not.toContain('<')
    expect(JSON.parse(data.slice('id="report-data">'.length))).toEqual(sample.report)
  })

  it('shows the verdict, candidate and harness versions, and coverage figures', () => {
    expect(html).toMatch(/class="banner v-fail"><span class="verdict">échec<\/span>/)
    expect(html).toContain('version <strong>4.2.0</strong>')
    expect(html).toContain('dui-harness 0.1.0')
    expect(section('chiffres')).toMatch(/<b>1 \/ 3<\/b>automatiques vérifiées \(33 %\)/)
    expect(section('chiffres')).toMatch(/<b>1<\/b>preuves manuelles attendues/)
  })

  it('has a requirement matrix by section with level, mode and status for the filters', () => {
    const matrix = section('matrice-exigences')
    expect(matrix).toMatch(/<tbody class="section-group" data-section="DMP">/)
    expect(matrix).toMatch(/<tbody class="section-group" data-section="MSS">/)
    expect(matrix).toMatch(/data-id="DMP-003" data-status="failed" data-section="DMP" data-level="EXIGENCE" data-automation="automatic"/)
    expect(matrix).toMatch(/data-id="MSS-002" data-status="manual" data-section="MSS" data-level="PRECONISATION" data-automation="manual"/)
    expect(matrix).toContain('<a href="#req-DMP-003">DMP-003</a>')
    expect(matrix).toMatch(/<select id="filtre-statut">.*<option value="failed">non conforme<\/option>/s)
  })

  it('opens a failed requirement to its issues and the evidence content, CDA header included', () => {
    const failures = section('ecarts')
    expect(failures).toContain('id="req-DMP-003"')
    expect(failures).toContain('mhd/attachment-size-hash')
    expect(failures).toContain('Bundle.entry[0].resource.content[0].attachment.size')
    // The request the candidate sent, as text, with its secret masked.
    expect(failures).toMatch(/<pre>POST \/fhir HTTP\/1\.1\r?\nhost: 127\.0\.0\.1\r?\nauthorization: Bearer \[masqué\]/)
    expect(failures).toMatch(/<dt>Titre<\/dt><dd>Projet personnalisé d&#39;accompagnement<\/dd>/)
    expect(failures).toMatch(/<dt>Usager — identifiants<\/dt><dd>279035121518989 @ 1\.2\.250\.1\.213\.1\.4\.10<\/dd>/)
    expect(failures).toMatch(/<dt>Organisation gardienne<\/dt><dd>EHPAD Les Tilleuls<\/dd>/)
    expect(failures).toContain('Contenu binaire non affiché')
  })

  it('lists the IHE_XDM.zip attached to a mail: entries, METADATA.XML, the CDA header', () => {
    const failures = section('ecarts')
    expect(failures).toMatch(/<summary>Archive IHE_XDM\.zip : 3 fichier\(s\)<\/summary>/)
    expect(failures).toContain('<code>IHE_XDM/SUBSET01/METADATA.XML</code>')
    expect(failures).toMatch(/<strong>IHE_XDM\/SUBSET01\/METADATA\.XML<\/strong><\/p><pre>&lt;SubmitObjectsRequest&gt;/)
    expect(failures).toMatch(/<strong>IHE_XDM\/SUBSET01\/DOC0001\.XML — document CDA \(en-tête\)<\/strong><\/p><dl class="cda"><dt>Titre<\/dt>/)
  })

  it('caps embedded evidence and says what was cut', () => {
    const capped = renderHtml(sample.report, { evidence: runDirReader(sample.dir), budget: { perFile: 1024, total: 1_000_000 } })
    expect(capped).toMatch(/Tronqué : 1.024 octets affichés sur 65.544 ; le fichier complet est <code>evidence\/e-0004\/big\.log<\/code>/)
    const tight = renderHtml(sample.report, { evidence: runDirReader(sample.dir), budget: { perFile: 1024, total: 1500 } })
    expect(tight).toContain('la taille maximale des preuves embarquées dans ce rapport est atteinte')
    const none = renderHtml(sample.report)
    expect(none).toContain('Fichier absent du dossier de la campagne')
  })

  it('never embeds a secret, even from evidence recorded before redaction', () => {
    for (const secret of Object.values(SECRETS)) expect(html).not.toContain(secret)
  })

  it('renders the indicators section only when indicators are given', () => {
    expect(html).not.toContain('id="indicateurs"')
    const indicators: IndicatorsView = {
      at: '2026-12-31',
      indicators: [{ id: 'dmp-feed', label: 'Usagers avec un document au DMP', target: 60 }],
      projects: [{ id: 'p', label: 'Projet <b>1</b>', indicators: [{ id: 'dmp-feed', numerator: 3, denominator: 10, rate: 30, target: 60, status: 'not-met' }], verdict: { met: false } }],
      verdict: { met: false, summary: 'Cibles non atteintes' },
    }
    const withIndicators = renderHtml(sample.report, { indicators })
    expect(withIndicators).toMatch(/id="indicateurs".*Usagers avec un document au DMP.*3 \/ 10.*30 %.*non atteint/s)
    expect(withIndicators).toContain('Projet &lt;b&gt;1&lt;/b&gt;')
  })

  it('adds the version comparison when given', () => {
    expect(html).not.toContain('id="comparaison"')
    const passing = { ...sample.report, coverage: sample.report.coverage.map((c) => (c.id === 'DMP-003' ? { ...c, status: 'verified' as const } : c)) }
    const withDiff = renderHtml(sample.report, { diff: diffReports(passing, sample.report) })
    expect(withDiff).toMatch(/id="comparaison".*Régressions \(1\).*DMP-003/s)
  })
})
