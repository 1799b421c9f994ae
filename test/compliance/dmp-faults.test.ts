import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from '../../mocks/dmp/index.ts'
import { validProvideBundle } from '../fixtures/fhir/provide-bundle.ts'
import { iti41Mtom } from '../fixtures/xds/iti41-request.ts'

describe('DMP simulator, faults on demand', () => {
  let dmp: RunningDmp
  let evidence: EvidenceStore
  beforeAll(async () => {
    evidence = new EvidenceStore(mkdtempSync(join(tmpdir(), 'dmp-faults-')))
    dmp = await startDmp({ evidence })
  })
  beforeEach(() => {
    dmp.fhir.resetHandlers()
    dmp.xds.resetHandlers()
  })
  afterAll(() => dmp.close())

  const feed = () => fetch(dmp.fhirUrl, { method: 'POST', body: JSON.stringify(validProvideBundle('185077512345608')) })
  const td02 = async () => (await (await fetch(`${dmp.fhirUrl}/Patient?identifier=${encodeURIComponent('urn:oid:1.2.250.1.213.1.4.10|185077512345608')}`)).json()) as Record<string, any>

  it('no-dmp and dmp-closed change what TD0.2 says and refuse feeds', async () => {
    dmp.inject({ kind: 'dmp-closed', ins: '185077512345608' })
    expect((await td02())['entry'][0].resource.active).toBe(false)
    expect((await feed()).status).toBe(422)
    dmp.inject({ kind: 'no-dmp', ins: '185077512345608' })
    expect((await td02())['total']).toBe(0)
  })

  it('http-500 answers every request of the endpoint with a 500 until the scenario ends', async () => {
    dmp.inject({ kind: 'http-500', endpoint: 'fhir' })
    const response = await fetch(`${dmp.fhirUrl}/DocumentReference?status=current`)
    expect(response.status).toBe(500)
    expect(await response.text()).toMatch(/panne simulée/)
    dmp.fhir.resetHandlers()
    expect((await fetch(`${dmp.fhirUrl}/DocumentReference?status=current`)).status).toBe(400)
  })

  it('soap-fault answers XDS.b requests with a SOAP 1.2 Receiver fault', async () => {
    dmp.inject({ kind: 'soap-fault' })
    const { contentType, body } = iti41Mtom({ uniqueId: '2.25.8001' })
    const response = await fetch(dmp.xdsUrl, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) })
    expect(response.status).toBe(500)
    expect(await response.text()).toMatch(/soap:Receiver[\s\S]*faute SOAP simulée/)
  })

  it('close-connection drops the socket, still records the request, and the simulator keeps serving', async () => {
    dmp.inject({ kind: 'close-connection', endpoint: 'fhir' })
    await expect(feed()).rejects.toThrow()
    const record = evidence.all().at(-1)!
    expect(record.summary).toMatch(/connexion coupée/)
    expect(record.files.find((f) => f.role === 'request')!.bytes).toBeGreaterThan(100)
    dmp.fhir.resetHandlers()
    expect((await td02())['resourceType']).toBe('Bundle')
  })

  it('delay answers normally once the delay has passed', async () => {
    dmp.inject({ kind: 'delay', endpoint: 'fhir', ms: 300 })
    const body = await td02()
    expect(body['resourceType']).toBe('Bundle')
    expect(dmp.fhir.log.all().at(-1)!.meta).toMatchObject({ fault: 'delay', delayMs: 300, transaction: 'TD0.2' })
  })
})
