import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CatalogueError, loadCatalogue } from '../../../harness/requirements/catalogue.ts'
import { computeCoverage } from '../../../harness/requirements/coverage.ts'
import type { ScenarioResult, StepResult } from '../../../harness/core/report.ts'

const requirement = (id: string, extra: object = {}) => ({
  id,
  section: id.split('-')[0],
  title: 'Titre',
  text: 'Texte de l\'exigence en français.',
  level: 'EXIGENCE',
  proof: 'Preuve',
  automation: 'automatic',
  ...extra,
})

function folderWith(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'catalogue-'))
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content))
  return dir
}

describe('requirement catalogue', () => {
  it('loads the project catalogue, every id unique and well formed', () => {
    const catalogue = loadCatalogue()
    expect(catalogue.requirements.length).toBeGreaterThan(3)
    expect(catalogue.has('DMP-001')).toBe(true)
  })

  it('never carries an official reference without its public source', () => {
    for (const r of loadCatalogue().requirements.filter((r) => r.officialRef)) {
      expect(r.source, r.id).toBeTruthy()
      expect(r.sourceStatus, r.id).toMatch(/^(verified|secondary)$/)
    }
  })

  it('refuses an official reference given without a source', () => {
    const dir = folderWith({ 'dmp.json': { requirements: [requirement('DMP-001', { officialRef: 'EX_2.1-1130' })] } })
    expect(() => loadCatalogue(dir)).toThrow(CatalogueError)
  })

  it('refuses duplicate ids, unknown fields and ids outside their section', () => {
    expect(() => loadCatalogue(folderWith({ 'a.json': { requirements: [requirement('DMP-001'), requirement('DMP-001')] } }))).toThrow(/en double/)
    expect(() => loadCatalogue(folderWith({ 'a.json': { requirements: [requirement('DMP-001', { colour: 'red' })] } }))).toThrow(CatalogueError)
    expect(() => loadCatalogue(folderWith({ 'a.json': { requirements: [requirement('DMP-001', { section: 'MSS' })] } }))).toThrow(/section MSS/)
    expect(() => loadCatalogue(folderWith({ 'a.json': '{ not json' }))).toThrow(/JSON illisible/)
  })

  it('names the unknown ids a scenario references', () => {
    const catalogue = loadCatalogue()
    expect(() => catalogue.assertKnown(['DMP-001', 'DMP-999'], 'le scénario x')).toThrow('le scénario x référence des exigences inconnues du catalogue : DMP-999')
  })
})

describe('coverage', () => {
  const step = (verdict: StepResult['verdict'], requirements: string[], issues: StepResult['issues'] = []): StepResult => ({
    id: 's/x', title: 'x', verdict, optional: false, requirements, issues, evidence: [], startedAt: '', durationMs: 0, candidateMs: 0,
  })
  const scenario = (steps: StepResult[]): ScenarioResult => ({ id: 's', title: 's', section: 'DMP', verdict: 'pass', optional: false, requirements: [], steps, startedAt: '', durationMs: 0 })
  const statusOf = (steps: StepResult[], id: string) => computeCoverage(loadCatalogue(), [scenario(steps)]).find((c) => c.id === id)?.status

  it('fails only the requirements named by blocking issues, and verifies the others of the step', () => {
    const issues = [{ severity: 'error' as const, code: 'value' as const, rule: 'r', message: 'm', requirement: 'DMP-003' }]
    const steps = [step('fail', ['DMP-001', 'DMP-003'], issues)]
    expect(statusOf(steps, 'DMP-003')).toBe('failed')
    expect(statusOf(steps, 'DMP-001')).toBe('verified')
  })

  it('leaves not run, never verified, the requirements a failed step reports not judged', () => {
    const issues = [
      { severity: 'error' as const, code: 'not-found' as const, rule: 'traffic/missing', message: 'aucun message', requirement: 'MSS-001' },
      { severity: 'information' as const, code: 'incomplete' as const, rule: 'step/not-judged', message: 'SEC-001 non examinée', requirement: 'SEC-001' },
    ]
    const steps = [step('fail', ['SEC-001', 'SEC-002'], issues)]
    expect(statusOf(steps, 'MSS-001')).toBe('failed')
    expect(statusOf(steps, 'SEC-001')).toBe('not-run')
    expect(statusOf(steps, 'SEC-002')).toBe('verified')
  })

  it('fails every requirement of a step that failed without naming any', () => {
    expect(statusOf([step('fail', ['DMP-001', 'DMP-002'])], 'DMP-002')).toBe('failed')
  })

  it('keeps the worst status across steps and marks unselected requirements not run', () => {
    expect(statusOf([step('pass', ['DMP-001']), step('error', ['DMP-001'])], 'DMP-001')).toBe('error')
    expect(statusOf([step('pass', ['DMP-001'])], 'DMP-004')).toBe('not-run')
  })

  it('never verifies a manual requirement, even when a step names it: a verifier must bring the proof', () => {
    const coverage = computeCoverage(loadCatalogue(), [scenario([step('pass', ['MSS-013'])])]).find((c) => c.id === 'MSS-013')!
    expect(coverage).toMatchObject({ status: 'manual', automation: 'manual', verifiedBy: ['s/x'] })
    expect(coverage.note).toMatch(/^preuve manuelle attendue : \S/)
    expect(statusOf([], 'DOC-002')).toBe('manual')
  })
})
