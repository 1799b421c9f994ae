import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultCacheDir, prepareKitMirror } from '../../../../harness/validate/cda/kit/cache.ts'
import { runSchematron } from '../../../../harness/validate/cda/kit/schematron-runner.ts'
import { loadSchematron } from '../../../../harness/validate/cda/kit/schematron-store.ts'
import { selectVoletSchematron } from '../../../../harness/validate/cda/kit/select-schematrons.ts'
import { readHeader } from '../../../../harness/validate/cda/header.ts'
import { parseXmlSafely } from '../../../../harness/validate/xml/index.ts'
import { kitAvailable, kitDir } from '../../../helpers/kit-location.ts'
import { compileReference, referenceEngineMissing, runReference } from './reference-engine.ts'

/**
 * Parity of our schematron engine with the reference pipeline (ISO skeleton + Java Saxon-HE) on
 * the kit's médico-social examples and broken variants of them: same verdict, same messages.
 * Slow (a JVM per step): opt-in with DUI_PARITY=1; DUI_PARITY_PROFILES=1 adds the profile
 * schematrons (minutes of compilation the first time, then cached).
 */
const missing = !kitAvailable ? 'kit CI-SIS absent' : process.env.DUI_PARITY !== '1' ? 'DUI_PARITY=1 non défini' : referenceEngineMissing()
if (missing) console.warn(`[dui-harness tests] parité du moteur de schématron ignorée : ${missing}`)

const work = mkdtempSync(join(tmpdir(), 'dui-parity-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

type Mutation = readonly [from: RegExp | string, to: string]
const CASES: readonly (readonly [name: string, file: string, mutation?: Mutation])[] = [
  ['N1', 'DOC_NON_STRUCTURE_CDA-R2-N1.xml'],
  ['N1 with a fourth templateId', 'DOC_NON_STRUCTURE_CDA-R2-N1.xml', ['<templateId root="1.3.6.1.4.1.19376.1.2.20"/>', '<templateId root="1.3.6.1.4.1.19376.1.2.20"/><templateId root="1.2.3.4"/>']],
  ['N1 without birthplace', 'DOC_NON_STRUCTURE_CDA-R2-N1.xml', [/<birthplace>[\s\S]*?<\/birthplace>/, '']],
  ['DLU', 'DLU-EHPAD-DLU_2022.01.xml'],
  ['DLU without birthTime', 'DLU-EHPAD-DLU_2022.01.xml', [/<birthTime [^>]*\/>/, '']],
  ['DLU informant not PCP', 'DLU-EHPAD-DLU_2022.01.xml', ['code="PCP"', 'code="XXX"']],
  ['DLU without any section templateId of the body', 'DLU-EHPAD-DLU_2022.01.xml', ['root="1.3.6.1.4.1.19376.1.5.3.1.3.19"', 'root="9.9.9"']],
  ['FLUDT', 'DLU-EHPAD-FLUDT_2022.01.xml'],
  ['FLUDT with another serviceEvent code', 'DLU-EHPAD-FLUDT_2022.01.xml', ['code="28651-8"', 'code="11111-1"']],
  ['FLUDR', 'DLU-EHPAD-FLUDR_2022.01.xml'],
  ['VSM 1.4', 'VSM_1.4_2022.01.xml'],
  ['VSM with a LOINC code', 'VSM_1.4_2022.01.xml', ['code="SYNTH"', 'code="60591-5"']],
  ['LDL-EES', 'LDL-EES_2022.01.xml'],
  ['LDL-SES', 'LDL-SES_2022.01.xml'],
  ['LDL-SES without birthTime', 'LDL-SES_2022.01.xml', [/<birthTime [^>]*\/>/, '']],
  ['IPS-FR DLU', 'IPS-FR_2024.01_DLU.xml'],
  ['IPS-FR DLU with another code', 'IPS-FR_2024.01_DLU.xml', ['code="74207-2"', 'code="11111-1"']],
]

const PROFILES = ['schematrons/profils/CI-SIS_Modeles_ANS.sch', 'schematrons/profils/CI-SIS_ModelesDeContenusCDA.sch', 'schematrons/profils/IHE.sch', 'schematrons/profils/structurationMinimale/ASIP-STRUCT-MIN-StrucMin.sch']

function normalise(message: string): string {
  return message.replace(/\s+/g, ' ').trim()
}

describe.skipIf(missing !== undefined)('schematron engine parity with ISO skeleton + Saxon-HE', () => {
  const cacheDir = defaultCacheDir()

  // Documents without a volet (N1) only have profile schematrons to compare.
  const cases = CASES.filter(([, file]) => process.env.DUI_PARITY_PROFILES === '1' || !file.startsWith('DOC_NON_STRUCTURE'))
  it.each(cases.map(([name, file, mutation]) => ({ name, file, mutation })))('$name', async ({ file, mutation }) => {
    const original = readFileSync(resolve(kitDir, 'ExemplesCDA', file), 'utf8')
    const xml = mutation ? original.replace(mutation[0], mutation[1]) : original
    if (mutation) expect(xml).not.toBe(original)
    const documentFile = join(work, `${file}.${Math.random().toString(36).slice(2)}.xml`)
    writeFileSync(documentFile, xml)
    const parsed = parseXmlSafely(xml)
    if (!parsed.ok) throw new Error('example must parse')
    try {
      const volet = selectVoletSchematron(kitDir, readHeader(parsed.doc.root).templateIds)
      // Profiles (slow) on the intact examples and on variants of documents without a volet.
      const withProfiles = process.env.DUI_PARITY_PROFILES === '1' && (!mutation || volet === undefined)
      const schematrons = [...(volet !== undefined ? [volet] : []), ...(withProfiles ? PROFILES : [])]
      expect(schematrons.length, 'a schematron to compare').toBeGreaterThan(0)
      const mirror = prepareKitMirror(kitDir, cacheDir)
      for (const schematron of schematrons) {
        const ours = runSchematron(await loadSchematron(kitDir, mirror, schematron), xml, parsed.doc, 'DOC-001')
        const reference = runReference(compileReference(kitDir, schematron, mirror), documentFile)
        expect(ours.map((i) => normalise(i.message)).sort(), schematron).toEqual(reference.map((r) => normalise(r.text)).sort())
      }
    } finally {
      parsed.doc.dispose()
    }
  }, 30 * 60_000) // compiles the schematrons both ways the first time
})
