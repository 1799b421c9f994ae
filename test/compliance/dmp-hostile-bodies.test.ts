import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from '../../mocks/dmp/index.ts'
import { validProvideBundle } from '../fixtures/fhir/provide-bundle.ts'

const FIFTY_MB = 50 * 1024 * 1024

describe('DMP simulator, 50 MB bodies: refused with a reason, recorded, and the simulator keeps serving', () => {
  let dmp: RunningDmp
  let evidence: EvidenceStore
  beforeAll(async () => {
    evidence = new EvidenceStore(mkdtempSync(join(tmpdir(), 'dmp-hostile-')))
    dmp = await startDmp({ evidence })
  })
  afterAll(() => dmp.close())

  it('answers a 50 MB body that is not JSON on the FHIR endpoint with a 400 OperationOutcome', async () => {
    const body = Buffer.alloc(FIFTY_MB, 0x7b) // "{{{{…": large and malformed
    const response = await fetch(dmp.fhirUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: new Uint8Array(body) })
    expect(response.status).toBe(400)
    expect(((await response.json()) as { issue: { diagnostics: string }[] }).issue[0]!.diagnostics).toMatch(/pas du JSON valide/)
    const record = evidence.all().at(-1)!
    expect(record.files.find((f) => f.role === 'request')!.bytes).toBeGreaterThan(FIFTY_MB)
    expect((await fetch(dmp.fhirUrl, { method: 'POST', body: JSON.stringify(validProvideBundle()) })).status).toBe(200)
  })

  it('answers a 50 MB multipart body without its boundary on the XDS endpoint with a SOAP Fault', async () => {
    const body = Buffer.alloc(FIFTY_MB, 0x41)
    const response = await fetch(dmp.xdsUrl, { method: 'POST', headers: { 'content-type': 'multipart/related; type="application/xop+xml"; boundary="nope"' }, body: new Uint8Array(body) })
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/la frontière « --nope » annoncée par le Content-Type n&apos;apparaît pas dans le corps/)
    expect((await fetch(`${dmp.fhirUrl}/Patient?identifier=${encodeURIComponent('urn:oid:1.2.250.1.213.1.4.10|279035121518989')}`)).status).toBe(200)
  })
})
