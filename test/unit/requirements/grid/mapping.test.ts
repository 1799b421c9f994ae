import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Catalogue, loadCatalogue } from '../../../../harness/requirements/catalogue.ts'
import type { Requirement } from '../../../../harness/requirements/requirement.ts'
import { DEFAULT_MAPPING_PATH, GridInputError, harnessMappings, loadMapping, mappingFromCatalogue, mergeMappings, type MappingFile } from '../../../../harness/requirements/grid/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'grid-mapping-'))
function mappingFile(content: unknown): string {
  const path = join(dir, `m-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content))
  return path
}
const requirement = (id: string, extra: Partial<Requirement> = {}): Requirement => ({
  id,
  section: id.split('-')[0] as Requirement['section'],
  title: 'Titre',
  text: 'Texte de l\'exigence.',
  level: 'EXIGENCE',
  proof: 'Preuve',
  automation: 'automatic',
  ...extra,
})
const catalogue = new Catalogue([
  requirement('INS-005', { officialRef: 'INS/va1.53', source: 'https://example.test/source', sourceStatus: 'secondary' }),
  requirement('DOC-008'),
  requirement('MSS-003', { officialRef: 'ECO.2.2.1', source: 'https://example.test/a', sourceStatus: 'secondary' }),
  requirement('MSS-012', { officialRef: 'ECO.2.2.1', source: 'https://example.test/b', sourceStatus: 'secondary' }),
])

describe('official mapping files', () => {
  it('the harness file names only official references the catalogue carries with a public source (none invented)', () => {
    const project = loadCatalogue()
    const shipped = JSON.parse(readFileSync(DEFAULT_MAPPING_PATH, 'utf8')) as MappingFile
    const carried = new Set(project.requirements.filter((r) => r.officialRef && r.source && r.sourceStatus).map((r) => r.officialRef))
    expect(shipped.mappings.length).toBeGreaterThan(0)
    for (const entry of shipped.mappings) expect(carried, entry.reference).toContain(entry.reference)
    const [fromCatalogue, additions] = harnessMappings(project)
    expect(additions!.entries.get('ins/va1.53')!.requirements).toEqual(['INS-005', 'DOC-008'])
    expect(fromCatalogue!.entries.get('ann/va1.03')!.requirements).toEqual(['ANN-002'])
  })

  it('the catalogue maps each official reference to every requirement carrying it', () => {
    const mapping = mappingFromCatalogue(catalogue)
    expect([...mapping.entries.values()].map((e) => [e.reference, e.requirements])).toEqual([
      ['INS/va1.53', ['INS-005']],
      ['ECO.2.2.1', ['MSS-003', 'MSS-012']],
    ])
  })

  it('a later mapping wins reference by reference, references compared without case or blanks', () => {
    const user = loadMapping(mappingFile({ mappings: [{ reference: ' ins/VA1.53', requirements: ['INS-005', 'DOC-008'] }, { reference: 'X/1', requirements: [], reason: 'hors périmètre du banc' }] }), catalogue)
    const merged = mergeMappings([mappingFromCatalogue(catalogue), user])
    expect(merged.get('ins/va1.53')!.requirements).toEqual(['INS-005', 'DOC-008'])
    expect(merged.get('eco.2.2.1')!.requirements).toEqual(['MSS-003', 'MSS-012'])
    expect(merged.get('x/1')!.reason).toBe('hors périmètre du banc')
  })

  it('refuses an id our catalogue does not hold, naming it', () => {
    const path = mappingFile({ mappings: [{ reference: 'INS/va1.53', requirements: ['INS-005', 'INS-999'] }] })
    expect(() => loadMapping(path, catalogue)).toThrow(GridInputError)
    expect(() => loadMapping(path, catalogue)).toThrow(`correspondance ${path} : INS/va1.53 renvoie à des exigences inconnues du catalogue : INS-999`)
  })

  it('refuses a reference listed twice, an empty mapping without reason, an unknown key, bad JSON and a missing file', () => {
    expect(() => loadMapping(mappingFile({ mappings: [{ reference: 'A/1', requirements: ['DOC-008'] }, { reference: 'a/1', requirements: ['DOC-008'] }] }), catalogue)).toThrow(/la référence a\/1 apparaît deux fois/)
    expect(() => loadMapping(mappingFile({ mappings: [{ reference: 'A/1', requirements: [] }] }), catalogue)).toThrow(/\/mappings\/0 : sans exigence du banc, dire pourquoi/)
    expect(() => loadMapping(mappingFile({ mappings: [{ reference: 'A/1', requirements: ['DOC-008'], ours: 'x' }] }), catalogue)).toThrow(/clé inconnue « ours »/)
    expect(() => loadMapping(mappingFile({ mappings: [{ reference: 'A/1' }] }), catalogue)).toThrow(/\/mappings\/0 : propriété « requirements » manquante/)
    expect(() => loadMapping(mappingFile({ mappings: [{ reference: 'A/1', requirements: ['ins-5'] }] }), catalogue)).toThrow(/\/mappings\/0\/requirements\/0 : identifiant mal formé/)
    expect(() => loadMapping(mappingFile('{ pas du json'), catalogue)).toThrow(/JSON invalide/)
    expect(() => loadMapping(join(dir, 'absent.json'), catalogue)).toThrow(/illisible \(ENOENT\)/)
  })
})
