import { describe, expect, it } from 'vitest'
import type { RequirementCoverage, RunReport, StepResult } from '../../../harness/core/report.ts'
import { diffReports } from '../../../reports/diff.ts'
import { renderDiffText } from '../../../reports/diff-text.ts'
import { renderDiffPage } from '../../../reports/diff-html.ts'
import { makeSampleRun } from '../../fixtures/reports/sample-run.ts'

const { report } = makeSampleRun()

function withStatus(base: RunReport, changes: Record<string, RequirementCoverage['status']>, verdicts: Record<string, StepResult['verdict']> = {}): RunReport {
  return {
    ...base,
    coverage: base.coverage.map((c) => (changes[c.id] ? { ...c, status: changes[c.id]! } : c)),
    scenarios: base.scenarios.map((s) => ({ ...s, steps: s.steps.map((step) => (verdicts[step.id] ? { ...step, verdict: verdicts[step.id]! } : step)) })),
  }
}

describe('diffReports', () => {
  const before = withStatus(report, { 'DMP-003': 'verified' }, { 'dmp-feed/share': 'pass' })

  it('lists a regression (verified before, failed now), step included', () => {
    const diff = diffReports(before, report)
    expect(diff.regression).toBe(true)
    expect(diff.regressions).toEqual([{ id: 'DMP-003', title: 'Taille et empreinte du document', section: 'DMP', level: 'EXIGENCE', before: 'verified', after: 'failed' }])
    expect(diff.stepRegressions.map((s) => [s.id, s.before, s.after])).toEqual([['dmp-feed/share', 'pass', 'fail']])
    expect(diff.fixes).toEqual([])
    expect(renderDiffText(diff)).toMatch(/Régressions \(1\) :\n {2}✖ DMP-003 — Taille et empreinte du document : vérifiée → non conforme[\s\S]*Verdict : régression — 1 exigence\(s\), 1 étape\(s\)\.\n$/)
  })

  it('lists fixes and no regression the other way round', () => {
    const diff = diffReports(report, before)
    expect(diff.regression).toBe(false)
    expect(diff.fixes.map((c) => c.id)).toEqual(['DMP-003'])
    expect(diff.stepFixes.map((c) => c.id)).toEqual(['dmp-feed/share'])
    expect(renderDiffText(diff)).toMatch(/Corrections \(1\)[\s\S]*Verdict : aucune régression\.\n$/)
  })

  it('lists new and removed checks, and other changes without calling them regressions', () => {
    const next: RunReport = {
      ...withStatus(report, { 'MSS-001': 'error', 'DMP-001': 'not-run' }),
      coverage: [...withStatus(report, { 'MSS-001': 'error', 'DMP-001': 'not-run' }).coverage.filter((c) => c.id !== 'MSS-002'), { id: 'PSC-001', section: 'PSC', title: 'Connexion Pro Santé Connect', level: 'EXIGENCE', automation: 'automatic', status: 'verified', verifiedBy: [] }],
      scenarios: [{ ...report.scenarios[0]!, steps: [...report.scenarios[0]!.steps.slice(0, 2), { ...report.scenarios[0]!.steps[0]!, id: 'dmp-feed/new-check', title: 'nouveau contrôle' }] }],
    }
    const diff = diffReports(report, next)
    expect(diff.newRequirements.map((c) => c.id)).toEqual(['PSC-001'])
    expect(diff.removedRequirements.map((c) => c.id)).toEqual(['MSS-002'])
    expect(diff.newSteps.map((s) => s.id)).toEqual(['dmp-feed/new-check'])
    expect(diff.removedSteps.map((s) => s.id)).toEqual(['dmp-feed/mail'])
    expect(diff.otherChanges.map((c) => `${c.id}:${c.before}>${c.after}`)).toEqual(['DMP-001:verified>not-run', 'MSS-001:not-run>error'])
    expect(diff.stillFailing.map((c) => c.id)).toEqual(['DMP-003'])
    expect(diff.regression).toBe(false)
  })

  it('renders as an escaped, standalone HTML page', () => {
    const hostile = { ...report, candidate: { ...report.candidate, name: '<script>x</script>' } }
    const page = renderDiffPage(diffReports(before, hostile))
    expect(page.match(/<script\b/g)).toHaveLength(2)
    expect(page).toContain('&lt;script&gt;x&lt;/script&gt;')
    expect(page).toMatch(/class="verdict-line ko">Régression : 1 exigence\(s\), 1 étape\(s\)/)
  })
})
