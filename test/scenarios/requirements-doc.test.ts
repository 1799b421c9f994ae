import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { referenceDefects } from '../../harness/drivers/reference-candidate.ts'
import { loadCatalogue } from '../../harness/requirements/catalogue.ts'
import { renderCatalogueMarkdown } from '../../harness/requirements/catalogue-markdown.ts'
import { allScenarios } from '../../scenarios/index.ts'
import { REPO_ROOT } from '../helpers/cli.ts'

describe('docs/requirements.md', () => {
  it('is the catalogue as generated now (regenerate with: npm run docs:requirements)', () => {
    const onDisk = readFileSync(join(REPO_ROOT, 'docs/requirements.md'), 'utf8')
    expect(onDisk, 'docs/requirements.md ne correspond plus au catalogue : lancer « npm run docs:requirements »').toBe(renderCatalogueMarkdown(loadCatalogue(), allScenarios, referenceDefects))
  })

  it('shows every requirement and the per-section counts', () => {
    const text = renderCatalogueMarkdown(loadCatalogue(), allScenarios, referenceDefects)
    for (const requirement of loadCatalogue().requirements) expect(text).toContain(`### ${requirement.id} — `)
    expect(text).toMatch(/\| Dossier médical partagé \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \| \d+ \|/)
  })
})
