import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startDmp, STATUS, type RunningDmp } from '../../mocks/dmp/index.ts'
import { kitN1Document } from '../fixtures/documents/kit-n1-document.ts'
import { iti41Mtom } from '../fixtures/xds/iti41-request.ts'
import { findDocumentsBody, retrieveBody, soap12, updateStatusBody } from '../fixtures/xds/soap.ts'

const INS = '279035121518989'

describe('DMP simulator, XDS.b ITI-18 / ITI-43 / ITI-57 (raw HTTP bodies)', () => {
  let dmp: RunningDmp
  beforeAll(async () => {
    dmp = await startDmp({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'dmp-xds-q-'))) })
    const { contentType, body } = iti41Mtom({ uniqueId: '2.25.7001' })
    expect(await (await fetch(dmp.xdsUrl, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) })).text()).toContain('Success')
  })
  afterAll(() => dmp.close())

  const call = async (action: string, body: string) => {
    const response = await fetch(dmp.xdsUrl, { method: 'POST', headers: { 'content-type': 'application/soap+xml; charset=utf-8' }, body: soap12(action, body) })
    return { status: response.status, contentType: response.headers.get('content-type') ?? '', bytes: Buffer.from(await response.arrayBuffer()) }
  }
  const findDocuments = (statuses: string[]) => call('urn:ihe:iti:2007:RegistryStoredQuery', findDocumentsBody(INS, statuses))

  it('ITI-18 FindDocuments lists the approved document with its entryUUID, uniqueId and repository', async () => {
    const text = (await findDocuments([STATUS.approved])).bytes.toString('utf8')
    expect(text).toContain('ResponseStatusType:Success')
    expect(text).toMatch(/<rim:ExtrinsicObject[^>]+status="urn:oasis:names:tc:ebxml-regrep:StatusType:Approved"/)
    expect(text).toContain('value="2.25.7001"')
    expect(text).toContain('repositoryUniqueId')
  })

  it('ITI-18 refuses a query without status, saying so', async () => {
    const text = (await call('urn:ihe:iti:2007:RegistryStoredQuery', findDocumentsBody(INS, []).replace(/<rim:Slot name="\$XDSDocumentEntryStatus">.*?<\/rim:Slot>/, ''))).bytes.toString('utf8')
    expect(text).toMatch(/Failure[\s\S]*\$XDSDocumentEntryStatus est obligatoire/)
  })

  it('ITI-43 answers in MTOM with the exact bytes behind xop:Include', async () => {
    const repository = /repositoryUniqueId"><rim:ValueList><rim:Value>([^<]+)/.exec((await findDocuments([STATUS.approved])).bytes.toString('utf8'))![1]!
    const { contentType, bytes } = await call('urn:ihe:iti:2007:RetrieveDocumentSet', retrieveBody(repository, '2.25.7001'))
    expect(contentType).toMatch(/^multipart\/related; type="application\/xop\+xml"/)
    expect(bytes.includes(kitN1Document({ id: '2.25.7001' }))).toBe(true)
    expect(bytes.toString('utf8')).toMatch(/<xop:Include href="cid:/)
    const unknown = await call('urn:ihe:iti:2007:RetrieveDocumentSet', retrieveBody(repository, '2.25.999'))
    expect(unknown.bytes.toString('utf8')).toMatch(/Failure[\s\S]*aucun document d&apos;identifiant unique 2.25.999/)
  })

  it('ITI-57 archives then deletes, checking OriginalStatus against the registry', async () => {
    const stored = dmp.registry.byUniqueId('2.25.7001')!
    const archive = await call('urn:ihe:iti:2010:UpdateDocumentSet', updateStatusBody(`urn:uuid:${stored.entryUuid}`, STATUS.approved, STATUS.archived))
    expect(archive.bytes.toString('utf8')).toContain('Success')
    expect(dmp.registry.byUniqueId('2.25.7001')!.status).toBe(STATUS.archived)
    const wrong = await call('urn:ihe:iti:2010:UpdateDocumentSet', updateStatusBody(`urn:uuid:${stored.entryUuid}`, STATUS.approved, STATUS.deleted))
    expect(wrong.bytes.toString('utf8')).toMatch(/Failure[\s\S]*OriginalStatus/)
    const stale = await call('urn:ihe:iti:2010:UpdateDocumentSet', updateStatusBody('urn:uuid:00000000-0000-4000-8000-000000000000', STATUS.archived, STATUS.deleted))
    expect(stale.bytes.toString('utf8')).toMatch(/aucune fiche d&apos;entryUUID/)
    const current = dmp.registry.byUniqueId('2.25.7001')!
    const deleted = await call('urn:ihe:iti:2010:UpdateDocumentSet', updateStatusBody(`urn:uuid:${current.entryUuid}`, STATUS.archived, STATUS.deleted))
    expect(deleted.bytes.toString('utf8')).toContain('Success')
    expect((await findDocuments([STATUS.approved])).bytes.toString('utf8')).not.toContain('2.25.7001')
  })
})

describe('DMP simulator, XDS.b replacement (ITI-41 with an RPLC association)', () => {
  let dmp: RunningDmp
  beforeAll(async () => {
    dmp = await startDmp({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'dmp-xds-rplc-'))) })
  })
  afterAll(() => dmp.close())

  const submit = async (options: Parameters<typeof iti41Mtom>[0]) => {
    const { contentType, body } = iti41Mtom(options)
    await fetch(dmp.xdsUrl, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) })
    return dmp.xds.log.all().at(-1)!
  }

  it('accepts a new version whose RPLC association and CDA relatedDocument name the previous one, and deprecates it', async () => {
    expect((await submit({ uniqueId: '2.25.9001' })).meta['accepted']).toBe(true)
    const previous = dmp.registry.byUniqueId('2.25.9001')!
    const exchange = await submit({ uniqueId: '2.25.9002', replaces: `urn:uuid:${previous.entryUuid}`, document: kitN1Document({ id: '2.25.9002', replaces: '2.25.9001' }) })
    expect(exchange.meta['accepted']).toBe(true)
    expect(dmp.registry.byUniqueId('2.25.9001')!.status).toBe(STATUS.deprecated)
  })

  it('refuses an RPLC association to an unknown entryUUID, and a CDA that does not name the replaced document', async () => {
    const unknown = await submit({ uniqueId: '2.25.9003', replaces: 'urn:uuid:00000000-0000-4000-8000-000000000009', document: kitN1Document({ id: '2.25.9003', replaces: '2.25.9001' }) })
    expect(unknown.meta['issues']).toContainEqual(expect.objectContaining({ rule: 'xds/replacement', requirement: 'DMP-010', message: expect.stringMatching(/inconnu du registre/) }))
    const current = dmp.registry.byUniqueId('2.25.9002')!
    const noRelated = await submit({ uniqueId: '2.25.9004', replaces: `urn:uuid:${current.entryUuid}`, document: kitN1Document({ id: '2.25.9004' }) })
    expect(noRelated.meta['issues']).toContainEqual(expect.objectContaining({ rule: 'xds/replacement', message: expect.stringMatching(/pas de relatedDocument de type RPLC/) }))
  })
})
