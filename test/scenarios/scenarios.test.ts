import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadCatalogue } from '../../harness/requirements/catalogue.ts'
import { allScenarios } from '../../scenarios/index.ts'
import { REPO_ROOT } from '../helpers/cli.ts'

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? scenarioFiles(join(dir, entry.name)) : entry.name.endsWith('.scenario.ts') ? [join(dir, entry.name)] : [],
  )
}

describe('scenario files', () => {
  const files = scenarioFiles(join(REPO_ROOT, 'scenarios'))
  const catalogue = loadCatalogue()

  it('are all listed in scenarios/index.ts, each id equal to its file name', () => {
    expect(allScenarios.map((s) => s.id).sort()).toEqual(files.map((f) => basename(f, '.scenario.ts')).sort())
  })

  it.each(allScenarios.map((s) => [s.id, s] as const))('%s: ids are kebab-case and unique, titles French sentences, requirements known', (_id, scenario) => {
    expect(scenario.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
    expect(new Set(scenario.steps.map((s) => s.id)).size).toBe(scenario.steps.length)
    for (const step of scenario.steps) {
      expect(step.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/)
      expect(step.title.length).toBeGreaterThan(10)
    }
    expect(() => catalogue.assertKnown([...scenario.verifies, ...scenario.steps.flatMap((s) => s.verifies)], scenario.id)).not.toThrow()
  })

  it('leave no automatic requirement of their sections without a verifying step', () => {
    const verified = new Set(allScenarios.flatMap((s) => [...s.verifies, ...s.steps.flatMap((step) => step.verifies)]))
    const dmp = catalogue.requirements.filter((r) => r.section === 'DMP' && r.automation === 'automatic')
    expect(dmp.filter((r) => !verified.has(r.id)).map((r) => r.id)).toEqual([])
  })
})
