import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from '../../mocks/dmp/index.ts'
import { iti41Envelope, iti41Mtom, type Iti41Options } from '../fixtures/xds/iti41-request.ts'

function unescapeXml(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

describe('DMP simulator, XDS.b ITI-41 over SOAP 1.2 MTOM (raw HTTP bodies)', () => {
  let dmp: RunningDmp
  let evidence: EvidenceStore
  beforeAll(async () => {
    evidence = new EvidenceStore(mkdtempSync(join(tmpdir(), 'dmp-xds-')))
    dmp = await startDmp({ evidence })
  })
  afterAll(() => dmp.close())

  const send = async (contentType: string, body: Buffer | string) => {
    const response = await fetch(dmp.xdsUrl, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(Buffer.from(body)) })
    return { status: response.status, text: await response.text(), exchange: dmp.xds.log.all().at(-1)! }
  }
  const submit = (options: Iti41Options = {}) => {
    const { contentType, body } = iti41Mtom(options)
    return send(contentType, body)
  }
  const rules = (exchange: { meta: Record<string, unknown> }) => ((exchange.meta['issues'] ?? []) as { rule: string; requirement?: string; message: string }[])

  it('accepts a valid MTOM submission, stores it and answers Success', async () => {
    const { status, text, exchange } = await submit({ uniqueId: '2.25.4001' })
    expect(status).toBe(200)
    expect(text).toContain('ResponseStatusType:Success')
    expect(exchange.meta).toMatchObject({ transaction: 'ITI-41', accepted: true, stored: ['2.25.4001'] })
    expect(dmp.registry.byUniqueId('2.25.4001')?.transport).toBe('ebrim')
  })

  it.each([
    ['a patientId that is not an INS CX', { patientIdCx: '279035121518989^^^&amp;1.2.250.1.213.1.4.2&amp;ISO^NH' }, 'xds/patient-id-ins', 'DMP-002'],
    ['a hash that is not the document SHA-1', { declaredHash: '0'.repeat(40) }, 'xds/size-hash', 'DMP-003'],
    ['a local uniqueId', { uniqueId: 'DOC-1' }, 'xds/unique-id-oid', 'DMP-004'],
    ['no VIHF token', { vihf: false }, 'xds/vihf', 'DMP-009'],
    ['an xop:Include pointing nowhere', { includeHref: 'cid:missing%40test' }, 'xds/soap-transport', 'DMP-008'],
    ['plain SOAP without MTOM', { mtom: false }, 'xds/soap-transport', 'DMP-008'],
  ])('refuses %s with a RegistryResponse Failure naming the rule', async (_what, options, rule, requirement) => {
    const { text, exchange } = await submit(options as Iti41Options)
    expect(text).toContain('ResponseStatusType:Failure')
    expect(rules(exchange)).toContainEqual(expect.objectContaining({ rule, requirement }))
    expect(text).toContain(`[${rule}]`)
  })

  it('says which Content-ID an xop:Include misses', async () => {
    const { exchange } = await submit({ includeHref: 'cid:missing%40test' })
    expect(rules(exchange).find((i) => i.rule === 'xds/soap-transport')?.message).toMatch(/pointe vers « cid:missing%40test » : aucune partie MIME n'a le Content-ID <missing@test> \(parties présentes : <doc1@test>\)/)
  })

  it.each([
    ['a truncated MTOM body', () => { const { contentType, body } = iti41Mtom(); return [contentType, body.subarray(0, body.length - 300)] as const }, /corps MTOM tronqué/],
    ['a root part that does not exist', () => { const { contentType, body } = iti41Mtom(); return [contentType.replace('start="<root@test>"', 'start="<nope@test>"'), body] as const }, /partie racine absente : le paramètre start désigne <nope@test>/],
    ['a wrong content type', () => ['text/plain', iti41Envelope()] as const, /type de contenu « text\/plain »/],
    ['an unknown SOAP action', () => { const { contentType, body } = iti41Mtom({ action: 'urn:example:Nope' }); return [contentType, body] as const }, /action SOAP « urn:example:Nope » inconnue/],
    ['a SOAP 1.1 envelope', () => ['application/soap+xml', iti41Envelope().replace('http://www.w3.org/2003/05/soap-envelope', 'http://schemas.xmlsoap.org/soap/envelope/')] as const, /c'est une enveloppe SOAP 1.1/],
    ['an XXE in the envelope', () => ['application/soap+xml', `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>${iti41Envelope().replace(/^<\?xml[^>]*>/, '')}`] as const, /DOCTYPE/],
    ['malformed XML', () => ['application/soap+xml', '<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope"><soap:Body>'] as const, /mal formé/],
  ])('answers %s with a SOAP Fault explaining it in French, and keeps serving', async (_what, make, reason) => {
    const [contentType, body] = make()
    const { status, text, exchange } = await send(contentType, body)
    expect(status).toBe(400)
    expect(text).toContain('<soap:Fault>')
    expect(unescapeXml(text)).toMatch(reason)
    expect(text).not.toMatch(/\n\s+at /)
    expect(evidence.get(exchange.evidenceId)?.files.find((f) => f.role === 'request')?.bytes).toBeGreaterThan(0)
    expect((await submit({ uniqueId: `2.25.${Date.now()}` })).text).toContain('Success')
  })

  it('refuses to feed a DMP that does not exist', async () => {
    dmp.registry.setDmpState('284016322015056', 'absent')
    const { text } = await submit({ ins: '284016322015056', uniqueId: '2.25.5001' })
    expect(text).toMatch(/Failure[\s\S]*DMP du patient 284016322015056 est inexistant/)
  })
})
