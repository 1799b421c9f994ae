import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from 'fhir-kit-client'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from '../../mocks/dmp/index.ts'
import { TEST_INS, validProvideBundle } from '../fixtures/fhir/provide-bundle.ts'

describe('DMP simulator, PDSm ITI-65 over a real socket', () => {
  let dmp: RunningDmp
  let runDir: string
  let evidence: EvidenceStore

  beforeAll(async () => {
    runDir = mkdtempSync(join(tmpdir(), 'dmp-iti65-'))
    evidence = new EvidenceStore(runDir)
    dmp = await startDmp({ evidence })
  })
  afterAll(() => dmp.close())

  const post = (body: string, contentType = 'application/fhir+json') =>
    fetch(`${dmp.fhirUrl}`, { method: 'POST', headers: { 'content-type': contentType }, body })

  it('binds the loopback interface on an OS-chosen port', () => {
    expect(dmp.fhirUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/fhir$/)
  })

  it('answers a valid bundle (sent by fhir-kit-client) with one transaction-response entry per request entry, in order', async () => {
    const client = new Client({ baseUrl: dmp.fhirUrl })
    const response = (await client.transaction({ body: validProvideBundle() as never })) as unknown as fhir4.Bundle
    expect(response.type).toBe('transaction-response')
    expect(response.entry?.map((e) => e.response?.location?.split('/')[0])).toEqual(['List', 'DocumentReference', 'Binary'])
    expect(response.entry?.every((e) => e.response?.status === '201 Created')).toBe(true)
    const exchange = await dmp.nextProvide(TEST_INS, AbortSignal.timeout(1000))
    expect(exchange?.meta).toMatchObject({ accepted: true, patientIns: `1.2.250.1.213.1.4.10|${TEST_INS}` })
  })

  it('records the raw request bytes as evidence, with their sha256', async () => {
    const body = JSON.stringify(validProvideBundle('185077512345608'))
    await post(body)
    const record = evidence.all().at(-1)!
    const request = record.files.find((f) => f.role === 'request')!
    const raw = readFileSync(join(runDir, request.path))
    expect(raw.subarray(raw.length - Buffer.byteLength(body))).toEqual(Buffer.from(body))
    expect(record).toMatchObject({ direction: 'incoming', source: 'dmp.fhir', handler: 'dmp.iti65' })
    expect(request.sha256).toMatch(/^[0-9a-f]{64}$/)
  })

  it('refuses an invalid bundle with a French OperationOutcome naming the rule', async () => {
    const bundle = validProvideBundle()
    bundle['type'] = 'batch'
    const response = await post(JSON.stringify(bundle))
    expect(response.status).toBe(400)
    const outcome = (await response.json()) as fhir4.OperationOutcome
    expect(outcome.issue[0]?.diagnostics).toMatch(/\[mhd\/iti65-bundle-structure\].*transaction/)
  })

  it('survives malformed JSON and a body over the kept size, and keeps serving', async () => {
    const broken = await post('{"resourceType":"Bundle","entry":[')
    expect(broken.status).toBe(400)
    expect(((await broken.json()) as fhir4.OperationOutcome).issue[0]?.diagnostics).toMatch(/pas du JSON valide/)

    const small = await startDmp({ evidence, maxBodyBytes: 1024 * 1024 })
    try {
      const big = Buffer.alloc(3 * 1024 * 1024, 0x20)
      const response = await fetch(small.fhirUrl, { method: 'POST', body: big })
      expect(response.status).toBe(413)
      expect(await response.text()).toMatch(/trop volumineux : 3145728 octets reçus, limite du simulateur 1048576/)
      const record = evidence.all().at(-1)!
      expect(record.handler).toBe('dmp.fhir.body-limit')
      expect(record.files.find((f) => f.role === 'request')!.bytes).toBeLessThan(1024 * 1024 + 1024)
    } finally {
      await small.close()
    }
    const after = await post(JSON.stringify(validProvideBundle()))
    expect(after.status).toBe(200)
  })

  it('records a request no handler matches as unhandled and answers 404', async () => {
    const response = await fetch(`${dmp.fhirUrl}/Nothing/here`)
    expect(response.status).toBe(404)
    expect(await response.text()).toMatch(/aucun service simulé/)
    const record = evidence.all().at(-1)!
    expect(record.handler).toBeUndefined()
    expect(record.summary).toBe('GET /fhir/Nothing/here → 404')
  })
})
