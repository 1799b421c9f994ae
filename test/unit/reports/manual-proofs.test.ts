import { describe, expect, it } from 'vitest'
import type { RunReport } from '../../../harness/core/report.ts'
import { renderHtml } from '../../../reports/html.ts'
import { manualProofs } from '../../../reports/manual-proofs.ts'
import { renderMarkdown } from '../../../reports/markdown.ts'
import { makeSampleRun } from '../../fixtures/reports/sample-run.ts'

const { report } = makeSampleRun()
const manualStep = {
  id: 'mss-request-mdn/manual-mss-013',
  title: 'le vérificateur constate à l\'écran : le message envoyé est marqué comme reçu',
  verdict: 'skip' as const,
  optional: true,
  requirements: ['MSS-013'],
  message: 'preuve manuelle attendue (MSS-013) : le message envoyé est marqué comme reçu',
  issues: [],
  evidence: [],
  startedAt: '2026-11-22T10:00:03.000Z',
  durationMs: 0,
  candidateMs: 0,
}
/** The sample run plus a manual requirement with <markup> in its proof and a manual check step. */
const withManual: RunReport = {
  ...report,
  scenarios: [{ ...report.scenarios[0]!, steps: [...report.scenarios[0]!.steps, manualStep] }],
  coverage: [
    ...report.coverage,
    { id: 'MSS-013', section: 'MSS', title: 'Bonne réception affichée', level: 'EXIGENCE', automation: 'manual', officialRef: 'MSS/va1.14', status: 'manual', verifiedBy: [manualStep.id], note: 'preuve manuelle attendue : capture <b>des envoyés</b>' },
  ],
}

describe('manual proofs in the reports', () => {
  it('lists each manual requirement with its proof and the steps where to look', () => {
    expect(manualProofs(withManual).map((p) => [p.requirement.id, p.proof, p.steps.map((s) => s.id)])).toEqual([
      ['MSS-002', 'capture d\'écran', []],
      ['MSS-013', 'capture <b>des envoyés</b>', ['mss-request-mdn/manual-mss-013']],
    ])
  })

  it('renders « preuve manuelle attendue » with the proof text in report.html, escaped', () => {
    const html = renderHtml(withManual)
    const start = html.indexOf('<section id="preuves-manuelles">')
    expect(start).toBeGreaterThan(0)
    const section = html.slice(start, html.indexOf('</section>', start))
    expect(section).toContain('<h2>Preuves manuelles attendues</h2>')
    expect(section).toMatch(/<tr id="manuel-MSS-013" data-id="MSS-013"><td>MSS-013<\/td><td>MSS\/va1\.14<\/td>.*<span class="badge manual">preuve manuelle attendue<\/span><br>capture &lt;b&gt;des envoyés&lt;\/b&gt;<\/td><td><code>mss-request-mdn\/manual-mss-013<\/code>/)
    expect(section).toMatch(/data-id="MSS-002">.*aucune étape de cette campagne : à constater hors scénario/)
  })

  it('renders the same list in summary.md', () => {
    const markdown = renderMarkdown(withManual)
    expect(markdown).toContain('## Preuves manuelles attendues')
    expect(markdown).toContain('- **MSS-013** — Bonne réception affichée (exigence, réf. officielle MSS/va1.14) : preuve manuelle attendue — capture <b>des envoyés</b>\n  - Où regarder : `mss-request-mdn/manual-mss-013`')
    expect(markdown).toContain('- **MSS-002** — Affichage des messages (préconisation) : preuve manuelle attendue — capture d\'écran')
  })

  it('has no such section when the run has no manual requirement', () => {
    const automaticOnly: RunReport = { ...report, coverage: report.coverage.filter((c) => c.status !== 'manual') }
    expect(renderHtml(automaticOnly)).not.toContain('id="preuves-manuelles"')
    expect(renderMarkdown(automaticOnly)).not.toContain('Preuves manuelles attendues')
  })
})
