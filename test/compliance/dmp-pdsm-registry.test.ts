import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, STATUS, type RunningDmp } from '../../mocks/dmp/index.ts'
import { KIT_N1_ID } from '../fixtures/documents/kit-n1-document.ts'
import { TEST_INS, validProvideBundle } from '../fixtures/fhir/provide-bundle.ts'

const PATIENT = `urn:oid:1.2.250.1.213.1.4.10|${TEST_INS}`

describe('DMP simulator, PDSm registry: feed, search, retrieve, TD0.2, update, delete (raw HTTP)', () => {
  let dmp: RunningDmp
  beforeAll(async () => {
    dmp = await startDmp({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'dmp-reg-'))) })
    const response = await fetch(dmp.fhirUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: JSON.stringify(validProvideBundle()) })
    expect(response.status).toBe(200)
  })
  afterAll(() => dmp.close())

  const search = async (query: string) => {
    const response = await fetch(`${dmp.fhirUrl}/DocumentReference?${query}`)
    return { status: response.status, body: (await response.json()) as Record<string, any> }
  }

  it('ITI-67 finds the fed document by patient.identifier and status', async () => {
    const { status, body } = await search(`patient.identifier=${encodeURIComponent(PATIENT)}&status=current`)
    expect(status).toBe(200)
    expect(body['type']).toBe('searchset')
    expect(body['entry']).toHaveLength(1)
    expect(body['entry'][0].resource.masterIdentifier.value).toBe(`urn:oid:${KIT_N1_ID}`)
  })

  it('ITI-67 refuses a search without status or patient, saying which parameters are mandatory', async () => {
    const { status, body } = await search(`patient.identifier=${encodeURIComponent(PATIENT)}`)
    expect(status).toBe(400)
    expect(body['issue'][0].diagnostics).toMatch(/patient.identifier \(ou patient\) et status sont obligatoires/)
    expect((await search('status=current')).status).toBe(400)
  })

  it('ITI-68 returns the exact bytes at attachment.url', async () => {
    const { body } = await search(`patient.identifier=${encodeURIComponent(PATIENT)}&status=current`)
    const url = body['entry'][0].resource.content[0].attachment.url as string
    const response = await fetch(url)
    expect(response.headers.get('content-type')).toBe('text/xml')
    const sent = Buffer.from(validProvideBundle()['entry'][2].resource.data, 'base64')
    expect(Buffer.from(await response.arrayBuffer())).toEqual(sent)
    expect((await fetch(`${dmp.fhirUrl}/Binary/unknown`)).status).toBe(404)
  })

  it('TD0.2 tells an active, a closed and an absent DMP apart', async () => {
    const td02 = async (ins: string) => (await (await fetch(`${dmp.fhirUrl}/Patient?identifier=${encodeURIComponent(`urn:oid:1.2.250.1.213.1.4.10|${ins}`)}`)).json()) as Record<string, any>
    dmp.registry.setDmpState('185077512345608', 'closed')
    dmp.registry.setDmpState('299999999999999', 'absent')
    expect((await td02(TEST_INS))['entry'][0].resource.active).toBe(true)
    expect((await td02('185077512345608'))['entry'][0].resource.active).toBe(false)
    expect((await td02('299999999999999'))['total']).toBe(0)
  })

  it('refuses to feed the DMP of a patient who has none', async () => {
    dmp.registry.setDmpState('185077512345608', 'absent')
    const response = await fetch(dmp.fhirUrl, { method: 'POST', body: JSON.stringify(validProvideBundle('185077512345608')) })
    expect(response.status).toBe(422)
    expect(((await response.json()) as Record<string, any>)['issue'][0].diagnostics).toMatch(/n'a pas de DMP/)
  })

  it('masks, archives and deletes through PATCH / DELETE, each change giving a new entry id', async () => {
    const first = (await search(`patient.identifier=${encodeURIComponent(PATIENT)}&status=current`)).body['entry'][0].resource
    const patch = (id: string, operations: unknown) => fetch(`${dmp.fhirUrl}/DocumentReference/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json-patch+json' }, body: JSON.stringify(operations) })
    const masked = await patch(first.id, [{ op: 'replace', path: '/securityLabel', value: [{ coding: [{ code: 'N' }] }, { coding: [{ code: 'MASQUE_PS' }] }] }])
    expect(masked.status).toBe(200)
    const maskedDoc = (await masked.json()) as Record<string, any>
    expect(maskedDoc['securityLabel'].map((l: any) => l.coding[0].code)).toEqual(['N', 'MASQUE_PS'])
    expect(maskedDoc['id']).not.toBe(first.id)
    expect((await patch(first.id, [])).status).toBe(404)

    const archived = await patch(maskedDoc['id'], [{ op: 'replace', path: '/extension', value: [{ url: 'https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition/PDSm_IsArchived', valueBoolean: true }] }])
    const archivedDoc = (await archived.json()) as Record<string, any>
    expect(dmp.registry.byEntryUuid(archivedDoc['id'])?.status).toBe(STATUS.archived)

    expect((await patch(archivedDoc['id'], [{ op: 'replace', path: '/author', value: [] }])).status).toBe(400)
    expect((await fetch(`${dmp.fhirUrl}/DocumentReference/${archivedDoc['id']}`, { method: 'DELETE' })).status).toBe(204)
    expect((await search(`patient.identifier=${encodeURIComponent(PATIENT)}&status=entered-in-error`)).body['entry']).toHaveLength(1)
  })
})
