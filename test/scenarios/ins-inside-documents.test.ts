import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from '../../mocks/dmp/index.ts'
import { documentsSentToDmp, insInsideDocuments } from '../../scenarios/ins/ins-inside-documents.ts'
import { TEST_INS, validProvideBundle } from '../fixtures/fhir/provide-bundle.ts'

/** The IPP the ANS kit's N1 example gives its patient. */
const KIT_IPP = '1234567890121'

/** The same bundle, its CDA without the INS line (what a DUI writes for an unqualified identity). */
function bundleWithoutInsInCda(): Record<string, any> {
  const bundle = validProvideBundle()
  const binary = bundle['entry'].find((entry: { resource: { resourceType: string } }) => entry.resource.resourceType === 'Binary').resource
  const cda = Buffer.from(binary.data, 'base64').toString('utf8').replace(`<id extension="${TEST_INS}" root="1.2.250.1.213.1.4.10"/>`, '')
  binary.data = Buffer.from(cda, 'utf8').toString('base64')
  return bundle
}

describe('DOC-008 inside the documents an ITI-65 carries (scenario ins-not-transmitted-unqualified), over a real socket', () => {
  let dmp: RunningDmp

  beforeAll(async () => {
    dmp = await startDmp({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'ins-inside-'))) })
  })
  afterAll(() => dmp.close())

  const post = (bundle: Record<string, any>) => fetch(dmp.fhirUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(bundle) })

  it('reports the INS written in the CDA of an unqualified identity, with the exchange as evidence', async () => {
    await post(validProvideBundle())
    const exchange = dmp.fhir.log.all().at(-1)!
    const issues = await insInsideDocuments(documentsSentToDmp([exchange]), { localId: KIT_IPP, ins: TEST_INS, status: 'recuperee' })
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', rule: 'cda/ins-qualified-identity', requirement: 'DOC-008', evidence: exchange.evidenceId })])
    expect(issues[0]!.location?.path).toMatch(/^POST \/ › \/ClinicalDocument\/recordTarget/)
  })

  it('passes the same usager\'s CDA without INS, and ignores another patient\'s document', async () => {
    await post(bundleWithoutInsInCda())
    const withoutIns = dmp.fhir.log.all().at(-1)!
    expect(await insInsideDocuments(documentsSentToDmp([withoutIns]), { localId: KIT_IPP, ins: TEST_INS, status: 'recuperee' })).toEqual([])
    const withIns = dmp.fhir.log.all().at(-2)!
    expect(await insInsideDocuments(documentsSentToDmp([withIns]), { localId: 'USG-AUTRE', ins: '275126322002126', status: 'recuperee' })).toEqual([])
  })
})
