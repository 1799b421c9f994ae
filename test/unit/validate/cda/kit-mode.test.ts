import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { validateCda, type CdaValidationOptions } from '../../../../harness/validate/cda/index.ts'
import { MEDICO_SOCIAL_EXAMPLES, kitAvailable, kitDir, kitTestCacheDir } from '../../../helpers/kit-location.ts'

// Kit mode on the shared kit, limited to the XSD and the volet schematrons (small compiles);
// the profile schematrons (IHE.sch: ~40 s, structuration minimale: ~70 s to compile) are
// covered by the parity test and the bench, not by the default suite. The compiled volets are
// kept in a test cache under the temp dir, so only the first run pays their compilation.
const cacheDir = kitTestCacheDir
const coldCacheDir = mkdtempSync(join(tmpdir(), 'dui-kit-cold-cache-'))
afterAll(() => rmSync(coldCacheDir, { recursive: true, force: true }))
const options: CdaValidationOptions = { cisisKit: kitDir, cacheDir, kitProfiles: ['xsd', 'volet'] }
const example = (file: string) => readFileSync(resolve(kitDir, 'ExemplesCDA', file))

describe.skipIf(!kitAvailable)('official kit mode (XSD + volet schematron)', () => {
  it.each(MEDICO_SOCIAL_EXAMPLES)('%s has no error', async (file) => {
    const result = await validateCda(example(file), options)
    expect(result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([])
    expect(result.kit?.xsd).toBe(true)
  })

  it('runs the DLU volet schematron and keeps its French message and location', async () => {
    const xml = example('DLU-EHPAD-DLU_2022.01.xml').toString('utf8')
    const broken = xml.replace(/<birthTime [^>]*\/>/, '')
    expect(broken).not.toBe(xml)
    const result = await validateCda(broken, options)
    expect(result.kit?.schematrons).toEqual(['schematrons/CI-SIS_DLU-EHPAD-DLU_2022.01.sch'])
    const kitIssues = result.issues.filter((i) => i.rule === 'kit/CI-SIS_DLU-EHPAD-DLU_2022.01')
    expect(kitIssues).toEqual([
      expect.objectContaining({
        severity: 'error',
        requirement: 'DOC-001',
        message: expect.stringMatching(/^\[Entete_DLU-DLU\] .*naissance/),
        location: { path: '/ClinicalDocument', line: expect.any(Number) },
        params: expect.objectContaining({ test: 'cda:recordTarget/cda:patientRole/cda:patient/cda:birthTime' }),
      }),
    ])
    // The built-in rule says the same thing.
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: 'cda/ms-birth-time', requirement: 'DOC-010' }))
    expect(result.valid).toBe(false)
  })

  it('reports XSD errors with their line and element path', async () => {
    const xml = example('DLU-EHPAD-FLUDT_2022.01.xml').toString('utf8')
    const broken = xml.replace('<realmCode code="FR"/>', '<realmCode code="FR" unexpected="1"/>')
    expect(broken).not.toBe(xml)
    const result = await validateCda(broken, options)
    expect(result.issues.filter((i) => i.rule === 'kit/xsd')).toEqual([
      expect.objectContaining({ severity: 'error', requirement: 'DOC-001', message: expect.stringContaining('unexpected'), location: { path: '/ClinicalDocument/realmCode[1]', line: expect.any(Number) } }),
    ])
  })

  it('compiles into an empty cache once, then reads the cache', async () => {
    const cold = { ...options, cacheDir: coldCacheDir }
    const first = await validateCda(example('VSM_1.4_2022.01.xml'), cold)
    expect(first.kit?.schematrons).toEqual(['schematrons/CI-SIS_VSM_1.4_2022.01.sch'])
    expect(first.kit?.compiled).toEqual(['schematrons/CI-SIS_VSM_1.4_2022.01.sch'])
    const second = await validateCda(example('VSM_1.4_2022.01.xml'), cold)
    expect(second.kit?.compiled).toEqual([])
    expect(second.issues).toEqual(first.issues)
  })
})
