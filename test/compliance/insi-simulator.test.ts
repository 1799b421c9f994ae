import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { certificateRefusal, startInsi, type RunningInsi } from '../../mocks/insi/index.ts'
import { insiRequest } from '../fixtures/insi/requests.ts'

describe('INSi simulator, SOAP 1.2 over a real socket', () => {
  let insi: RunningInsi

  beforeAll(async () => {
    insi = await startInsi({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'insi-'))) })
  })
  afterAll(() => insi.close())

  const post = async (body: string) => {
    const response = await fetch(insi.url, { method: 'POST', headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body })
    return { status: response.status, text: await response.text() }
  }

  it('answers CR 00 with the INS (Corsican 2A matricule and key) and the qualifying traits', async () => {
    const { status, text } = await post(insiRequest())
    expect(status).toBe(200)
    expect(text).toMatch(/<CodeCR>00<\/CodeCR>/)
    expect(text).toMatch(/<NumIdentifiant>297022A020778<\/NumIdentifiant><Cle>78<\/Cle><\/IdIndividu><OID>1\.2\.250\.1\.213\.1\.4\.8<\/OID>/)
    expect(text).toMatch(/<LieuNaissance>2A020<\/LieuNaissance>/)
  })

  it('matches traits whatever their case and accents', async () => {
    expect((await post(insiRequest({ traits: { NomNaissance: 'adrtrois', Prenom: 'Dominiqué' } }))).text).toMatch(/<CodeCR>00<\/CodeCR>/)
  })

  it('answers CR 02 for several identities, CR 01 for the table\'s no-match row and for unknown traits', async () => {
    expect((await post(insiRequest({ traits: { NomNaissance: 'HOMONYME', Prenom: 'CAMILLE', DateNaissance: '1988-08-08' } }))).text).toMatch(/<CodeCR>02<\/CodeCR><LibelleCR>Plusieurs identites trouvees<\/LibelleCR><\/CR><\/RESULTAT>/)
    expect((await post(insiRequest({ traits: { NomNaissance: 'SANSINS', Prenom: 'PAUL', Sexe: 'M', DateNaissance: '1962-04-15' } }))).text).toMatch(/<CodeCR>01<\/CodeCR>/)
    const unknown = await post(insiRequest({ traits: { NomNaissance: 'PERSONNE', Prenom: 'INCONNUE' } }))
    expect(unknown.status).toBe(200)
    expect(unknown.text).toMatch(/<CodeCR>01<\/CodeCR><LibelleCR>Aucune identite trouvee<\/LibelleCR>/)
  })

  it.each([
    ['malformed XML', '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>', 'sim_xml'],
    ['a DOCTYPE (entity expansion)', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', 'sim_xml'],
    ['not SOAP at all', '{"nom":"ADRTROIS"}', 'sim_xml'],
    ['a SOAP 1.1 envelope', '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body/></s:Envelope>', 'sim_enveloppe'],
    ['no ContexteLPS', insiRequest({ withoutLps: true }), 'sim_contexte'],
    ['incomplete traits', insiRequest({ traits: { DateNaissance: undefined } }), 'sim_traits'],
    ['the Vitale card variant', insiRequest({ vitale: true }), 'sim_vitale_non_supporte'],
  ])('answers %s with its documented SOAP fault, and keeps serving', async (_case, body, subcode) => {
    const { status, text } = await post(body)
    expect(status).toBe(400)
    expect(text).toContain(`<soap:Value>soap:${subcode}</soap:Value>`)
    expect(text).toMatch(/<soap:Text xml:lang="fr">/)
    expect((await post(insiRequest())).status).toBe(200)
  })

  it('refuses a body over its limit (413) and a GET (405), and keeps serving', async () => {
    expect((await post(`<x>${'a'.repeat(300 * 1024)}</x>`)).status).toBe(413)
    expect((await fetch(insi.url)).status).toBe(405)
    expect((await post(insiRequest())).status).toBe(200)
  })

  it('records each request as evidence with what it extracted, for scenarios to claim by birth name', async () => {
    await post(insiRequest({ traits: { NomNaissance: 'ADRUN', Prenom: 'ZOE', DateNaissance: '1975-12-31' } }))
    const exchange = await insi.nextSearch('adrun', AbortSignal.timeout(5000))
    expect(exchange).toMatchObject({ handler: 'insi.search', meta: { code: '00', traits: { birthFamilyName: 'ADRUN', firstGivenName: 'ZOE' }, issues: [] } })
    expect(exchange!.evidenceId).toMatch(/^e-/)
  })
})

describe('INSi client certificate rule (DESIR_560)', () => {
  it('accepts only INSI-AUTO and INSI-MANU', () => {
    expect(certificateRefusal('INSI-AUTO')).toBeUndefined()
    expect(certificateRefusal('INSI-MANU')).toBeUndefined()
    expect(certificateRefusal('insi-auto')).toMatch(/seuls INSI-AUTO et INSI-MANU/)
    expect(certificateRefusal(undefined)).toMatch(/aucun certificat client/)
  })
})
