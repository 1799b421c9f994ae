import { mkdtempSync, readFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startInsi, type InsiMeta, type RunningInsi } from '../../mocks/insi/index.ts'
import { createTestPki, issueClientCertificate, type KeyPair, type TestPki } from '../../mocks/pki/index.ts'
import { insiRequest } from '../fixtures/insi/requests.ts'

/** A SOAP POST over HTTPS, presenting `client` when given. */
function post(url: string, ca: string, body: string, client?: KeyPair): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { method: 'POST', ca, servername: 'localhost', agent: false, headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, ...(client ? { key: client.key, cert: client.cert } : {}) }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

describe('INSi simulator with mutual TLS (DESIR_560), over real sockets', () => {
  let pki: TestPki
  let insi: RunningInsi
  let runDir: string
  const certs: Record<string, KeyPair> = {}

  beforeAll(async () => {
    pki = await createTestPki()
    certs['INSI-MANU'] = await issueClientCertificate(pki.ca, 'INSI-MANU')
    certs['OTHER'] = await issueClientCertificate(pki.ca, 'OTHER')
    certs['wrong CA'] = await issueClientCertificate(pki.ca, 'INSI-AUTO', { untrustedCa: true })
    certs['expired'] = await issueClientCertificate(pki.ca, 'INSI-AUTO', { expired: true })
    runDir = mkdtempSync(join(tmpdir(), 'insi-mtls-'))
    insi = await startInsi({ evidence: new EvidenceStore(runDir), mutualTls: { ...pki.server, ca: pki.ca.cert } })
  })
  afterAll(() => insi?.close())

  const ok = () => post(insi.url, pki.ca.cert, insiRequest(), pki.insiClient)

  it('serves HTTPS and answers a client presenting INSI-AUTO normally, recording the TLS facts', async () => {
    expect(insi.url).toMatch(/^https:\/\//)
    const { status, text } = await ok()
    expect(status).toBe(200)
    expect(text).toMatch(/<CodeCR>00<\/CodeCR>/)
    const exchange = await insi.nextSearch('ADRTROIS', AbortSignal.timeout(5000))
    expect(exchange?.request.tls).toMatchObject({ authorized: true, peerCn: 'INSI-AUTO', protocol: expect.stringMatching(/^TLSv1\.[23]$/) })
    expect(exchange?.meta.issues).toEqual([])
    const evidence = JSON.parse(readFileSync(join(runDir, 'evidence', 'index.ndjson'), 'utf8').trim().split('\n').at(-1)!) as { files: { name: string; role: string }[] }
    expect(evidence.files.map((file) => file.role)).toContain('tls')
  })

  it('answers a client presenting INSI-MANU normally', async () => {
    const { status, text } = await post(insi.url, pki.ca.cert, insiRequest({ traits: { NomNaissance: 'HOMONYME', Prenom: 'CAMILLE', DateNaissance: '1988-08-08' } }), certs['INSI-MANU'])
    expect(status).toBe(200)
    expect(text).toMatch(/<CodeCR>02<\/CodeCR>/)
  })

  it.each([
    ['a CN other than INSI-AUTO / INSI-MANU', 'OTHER', /le CN du certificat client est « OTHER » ; seuls INSI-AUTO et INSI-MANU ouvrent des droits/],
    ['a certificate from another CA', 'wrong CA', /« INSI-AUTO » n&apos;est pas émis par une autorité de certification reconnue/],
    ['an expired certificate', 'expired', /le certificat client « INSI-AUTO » a expiré/],
    ['no certificate', undefined, /aucun certificat client présenté/],
  ])('answers %s with the DESIR_560 fault and a French reason, and keeps serving', async (_case, cert, reason) => {
    const { status, text } = await post(insi.url, pki.ca.cert, insiRequest({ traits: { NomNaissance: 'ADRUN', Prenom: 'ZOE', DateNaissance: '1975-12-31' } }), cert ? certs[cert] : undefined)
    expect(status).toBe(400)
    expect(text).toContain('<soap:Value>soap:desir_560</soap:Value>')
    expect(text).toContain('Vous ne disposez pas des droits suffisants pour accéder à ce service.')
    expect(text).toMatch(reason)
    expect(text).not.toMatch(/<RESULTAT/)
    // The scenario awaiting this usager sees the refusal, not a silence.
    const exchange = await insi.nextSearch('ADRUN', AbortSignal.timeout(5000))
    expect(exchange?.meta).toMatchObject({ fault: 'certificate', traits: { birthFamilyName: 'ADRUN' } } satisfies Partial<InsiMeta>)
    // The refusal is the exchange's finding, named SEC-003, so the step fails on it alone.
    expect(exchange?.meta.issues).toEqual([expect.objectContaining({ severity: 'error', rule: 'transport/client-certificate', requirement: 'SEC-003', message: expect.stringContaining(exchange?.meta.certificateRefusal ?? '(aucune raison)') })])
    expect((await ok()).status).toBe(200)
  })

  it('refuses a GET without certificate with DESIR_560 too, not with a method error', async () => {
    const text = await new Promise<string>((resolve, reject) => {
      httpsRequest(insi.url, { ca: pki.ca.cert, servername: 'localhost', agent: false }, (res) => {
        let data = ''
        res.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')))
        res.on('end', () => resolve(data))
      })
        .on('error', reject)
        .end()
    })
    expect(text).toContain('soap:desir_560')
  })

  it('refuses a TLS 1.1 client during the handshake, and keeps serving', async () => {
    const { hostname, port } = new URL(insi.url)
    const error = await new Promise<Error>((resolve) => {
      const socket = tlsConnect({ host: hostname, port: Number(port), servername: 'localhost', ca: pki.ca.cert, key: pki.insiClient.key, cert: pki.insiClient.cert, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }, () => {
        socket.destroy()
        resolve(new Error('handshake succeeded'))
      })
      socket.once('error', resolve)
    })
    expect(error.message).toMatch(/protocol|version|alert/i)
    expect((await ok()).status).toBe(200)
  })
})
