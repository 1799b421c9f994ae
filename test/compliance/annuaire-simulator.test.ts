import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Client } from 'fhir-kit-client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { mssanteMailboxes } from '../../harness/validate/identity/index.ts'
import { startAnnuaire, type RunningAnnuaire } from '../../mocks/annuaire/index.ts'

describe('Annuaire Santé simulator, FHIR R4 search over a real socket', () => {
  let annuaire: RunningAnnuaire
  let client: Client

  beforeAll(async () => {
    annuaire = await startAnnuaire({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'annuaire-'))) })
    client = new Client({ baseUrl: annuaire.url })
  })
  afterAll(() => annuaire.close())

  it('finds a practitioner by name (accents and case ignored) with her MSSanté mailbox in telecom', async () => {
    const bundle = (await client.search({ resourceType: 'Practitioner', searchParams: { family: 'durand', given: 'sophie' } })) as unknown as fhir4.Bundle
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'searchset', total: 1 })
    const practitioner = bundle.entry![0]!.resource as fhir4.Practitioner
    expect(mssanteMailboxes(practitioner)).toEqual(['sophie.durand@test.mssante.fr'])
    expect(practitioner.telecom![0]!.value).toBe('sophie.durand@exemple.fr')
    const exchange = await annuaire.nextSearch('DURAND', AbortSignal.timeout(5000))
    expect(exchange).toMatchObject({ handler: 'annuaire.search', meta: { issues: [], matches: ['ann-pr-durand'] } })
  })

  it('finds by national identifier, roles with their organization included, and reads by id', async () => {
    const byId = (await client.search({ resourceType: 'Practitioner', searchParams: { identifier: 'urn:oid:1.2.250.1.71.4.2.1|899700000025' } })) as unknown as fhir4.Bundle
    expect(byId.total).toBe(1)
    const roles = (await client.search({ resourceType: 'PractitionerRole', searchParams: { practitioner: 'Practitioner/ann-pr-durand', _include: 'PractitionerRole:organization' } })) as unknown as fhir4.Bundle
    expect(roles.entry!.map((entry) => `${entry.search?.mode}:${entry.resource?.resourceType}`)).toEqual(['match:PractitionerRole', 'include:Organization'])
    expect(await client.read({ resourceType: 'Organization', id: 'ann-org-cabinet' })).toMatchObject({ name: 'Cabinet médical des Tilleuls (fictif)' })
  })

  it('answers an unsupported parameter (400), an unknown type or id (404) with an OperationOutcome, and records a bulk search as non-conforming', async () => {
    const unsupported = await fetch(`${annuaire.url}/Practitioner?birthdate=1970`)
    expect(unsupported.status).toBe(400)
    expect(await unsupported.json()).toMatchObject({ resourceType: 'OperationOutcome' })
    expect((await fetch(`${annuaire.url}/Patient?name=x`)).status).toBe(404)
    expect((await fetch(`${annuaire.url}/Practitioner/inconnu`)).status).toBe(404)
    await fetch(`${annuaire.url}/Practitioner?_count=1000`)
    const bulk = annuaire.server.log.all().at(-1)!
    expect((bulk.meta['issues'] as { code: string }[]).map((issue) => issue.code)).toEqual(['too-costly'])
  })

  it('hands a bulk download to the step awaiting a correspondent, and a search for someone else to nobody', async () => {
    // Its own simulator: the other tests leave searches unclaimed.
    const own = await startAnnuaire({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'annuaire-'))) })
    try {
      const ownClient = new Client({ baseUrl: own.url })
      await ownClient.search({ resourceType: 'Practitioner', searchParams: { family: 'MOREAU' } })
      await ownClient.search({ resourceType: 'Practitioner', searchParams: { _count: 1000 } })
      const exchange = await own.nextSearch('DURAND', AbortSignal.timeout(5000))
      expect(exchange?.request.url).toMatch(/_count=1000/)
      expect(exchange?.meta['issues']).toMatchObject([{ rule: 'annuaire/fhir-search', requirement: 'ANN-001', code: 'too-costly' }])
      expect(await own.nextSearch('DURAND', AbortSignal.timeout(200))).toBeUndefined()
    } finally {
      await own.close()
    }
  })
})
