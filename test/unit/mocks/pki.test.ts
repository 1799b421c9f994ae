import { X509Certificate } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { createTestPki } from '../../../mocks/pki/index.ts'

describe('run-time test PKI', () => {
  it('issues a CA, a localhost server certificate and valid / expired / wrong-CA client certificates', async () => {
    const pki = await createTestPki()
    const ca = new X509Certificate(pki.ca.cert)
    expect(ca.ca).toBe(true)
    const server = new X509Certificate(pki.server.cert)
    expect(server.checkIssued(ca) && server.verify(ca.publicKey)).toBe(true)
    expect(server.checkHost('localhost')).toBe('localhost')
    expect(server.checkIP('127.0.0.1')).toBe('127.0.0.1')
    const now = Date.now()
    const client = new X509Certificate(pki.client.cert)
    expect(client.verify(ca.publicKey)).toBe(true)
    expect(Date.parse(client.validTo)).toBeGreaterThan(now)
    const expired = new X509Certificate(pki.expiredClient.cert)
    expect(expired.verify(ca.publicKey)).toBe(true)
    expect(Date.parse(expired.validTo)).toBeLessThan(now)
    expect(new X509Certificate(pki.wrongCaClient.cert).verify(ca.publicKey)).toBe(false)
  })

  it('never returns the same keys twice', async () => {
    const [a, b] = await Promise.all([createTestPki(), createTestPki()])
    expect(a.ca.key).not.toBe(b.ca.key)
  })
})
