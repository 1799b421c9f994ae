import { generateKeyPairSync } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveSigningKey, SigningKeyError } from '../../../reports/bundle-key.ts'
import { sealBundle } from '../../../reports/bundle-seal.ts'
import { verifyBundle } from '../../../reports/bundle-verify.ts'
import { readZip } from '../../../reports/zip-read.ts'
import { writeZip } from '../../../reports/zip-layout.ts'
import { makeSampleRun, SECRETS } from '../../fixtures/reports/sample-run.ts'

const sample = makeSampleRun()
const sealed = sealBundle(sample.dir, sample.report)
const zip = readFileSync(sealed.path)
const entries = (await readZip(zip)).entries

/** Deterministic sample of positions (first, last, and a spread in between). */
function positions(length: number, count: number): number[] {
  if (length <= count) return [...Array(length).keys()]
  return [...new Set([0, length - 1, ...Array.from({ length: count - 2 }, (_, i) => Math.floor(((i + 1) * 7919 * length) / (count * 7919 + 1)))])]
}

describe('sealed evidence bundle', () => {
  it('holds report.json, every evidence file, the catalogue and versions, signed', async () => {
    const names = entries.map((e) => e.name)
    expect(names.slice(0, 3)).toEqual(['manifest.json', 'manifest.sig', 'public-key.pem'])
    expect(names).toContain('report.json')
    expect(names).toContain('evidence/index.ndjson')
    for (const file of sample.report.evidence.flatMap((e) => e.files)) expect(names).toContain(file.path)
    expect(names.some((n) => /^catalogue\/dmp\.json$/.test(n))).toBe(true)
    expect(JSON.parse(entries.find((e) => e.name === 'versions.json')!.data.toString('utf8'))).toMatchObject({ harness: '0.1.0', reportSchemaVersion: 1, candidate: { name: 'DUI Exemple' } })
    expect(sealed.manifest.signature.keyOrigin).toBe('ephemeral')
    expect(sealed.manifest.files.map((f) => f.path)).toEqual(names.slice(3))
    const result = await verifyBundle(zip)
    expect(result.problems).toEqual([])
    expect(result).toMatchObject({ intact: true, checked: names.length - 3 })
  })

  it('is written deterministically (same entries, same bytes)', () => {
    expect(writeZip(entries).equals(zip)).toBe(true)
  })

  it('names the file when any sampled byte of any file is flipped', async () => {
    const victims = entries.filter((e) => e.name !== 'manifest.sig')
    let flips = 0
    for (const victim of victims) {
      for (const at of positions(victim.data.length, 8)) {
        const data = Buffer.from(victim.data)
        data[at] = data[at]! ^ 0x01
        const tampered = writeZip(entries.map((e) => (e === victim ? { name: e.name, data } : e)))
        const result = await verifyBundle(tampered)
        expect(result.intact, `${victim.name}@${at}`).toBe(false)
        const named = result.problems.map((p) => p.path)
        expect(named, `${victim.name}@${at}`).toContain(victim.name)
        flips++
      }
    }
    expect(flips).toBeGreaterThan(100)
  })

  it('detects a changed signature', async () => {
    const sig = entries.find((e) => e.name === 'manifest.sig')!
    const other = Buffer.from(sig.data.toString('utf8').replace(/^./, (c) => (c === 'A' ? 'B' : 'A')))
    const result = await verifyBundle(writeZip(entries.map((e) => (e === sig ? { name: e.name, data: other } : e))))
    expect(result.problems.map((p) => p.kind)).toEqual(['signature'])
  })

  it('rejects a manifest re-signed with another key (the signature check can fail)', async () => {
    const forged = makeSampleRun()
    writeFileSync(join(forged.dir, 'evidence/e-0001/request.http'), 'POST /fhir HTTP/1.1\r\n\r\n{}')
    const resealed = readFileSync(sealBundle(forged.dir, forged.report).path)
    // Self-consistent, but not signed by the key the referent trusts.
    expect((await verifyBundle(resealed)).intact).toBe(true)
    const trusted = await verifyBundle(resealed, { trustedPublicKey: sealed.key.publicKeyPem })
    expect(trusted.intact).toBe(false)
    expect(trusted.problems[0]!.message).toMatch(/paquet signé par une autre clé|signature invalide/)
    expect((await verifyBundle(zip, { trustedPublicKey: sealed.key.publicKeyPem })).intact).toBe(true)
  })

  it('names a removed file and an added file', async () => {
    const removed = await verifyBundle(writeZip(entries.filter((e) => e.name !== 'evidence/e-0001/request.http')))
    expect(removed.problems).toEqual([{ kind: 'removed', path: 'evidence/e-0001/request.http', message: '« evidence/e-0001/request.http » retiré du paquet' }])
    const added = await verifyBundle(writeZip([...entries, { name: 'evidence/e-0099/request.http', data: Buffer.from('faux') }]))
    expect(added.problems).toEqual([{ kind: 'added', path: 'evidence/e-0099/request.http', message: '« evidence/e-0099/request.http » ajouté au paquet après le scellement' }])
    const noManifest = await verifyBundle(writeZip(entries.filter((e) => e.name !== 'manifest.json')))
    expect(noManifest.problems[0]).toMatchObject({ kind: 'manifest', path: 'manifest.json' })
  })

  it('fails on any sampled byte flipped in the archive itself, headers included', async () => {
    let named = 0
    const sampled = positions(zip.length, 160)
    for (const at of sampled) {
      const tampered = Buffer.from(zip)
      tampered[at] = tampered[at]! ^ 0x01
      const result = await verifyBundle(tampered)
      expect(result.intact, `octet ${at}`).toBe(false)
      expect(result.problems.length).toBeGreaterThan(0)
      if (result.problems.some((p) => p.path !== undefined || /« .+ »/.test(p.message))) named++
    }
    // Most flips land in a file's data or header, and then the file is named.
    expect(named).toBeGreaterThan(sampled.length / 2)
  })

  it('carries no secret, from the evidence or from the report', async () => {
    for (const entry of entries) for (const secret of Object.values(SECRETS)) expect(entry.data.toString('latin1'), entry.name).not.toContain(secret)
    const privatePem = /-----BEGIN [A-Z ]*PRIVATE KEY-----\s*[A-Za-z0-9+/]/
    for (const entry of entries) expect(entry.data.toString('utf8'), entry.name).not.toMatch(privatePem)
  })

  it('masks secrets left in evidence recorded before redaction, and says so in the manifest', async () => {
    const old = makeSampleRun()
    writeFileSync(join(old.dir, 'evidence/e-0003/response.http'), `HTTP/1.1 200\r\n\r\n{"access_token":"${SECRETS.jwt}"}`)
    const result = sealBundle(old.dir, old.report)
    const content = await readZip(readFileSync(result.path))
    expect(content.entries.find((e) => e.name === 'evidence/e-0003/response.http')!.data.toString()).toBe('HTTP/1.1 200\r\n\r\n{"access_token":"[masqué]"}')
    expect(result.manifest.redacted).toEqual(['evidence/e-0003/response.http'])
  })

  it('signs with the user key when given, and refuses a key that is not Ed25519', async () => {
    const dir = makeSampleRun().dir
    const { privateKey } = generateKeyPairSync('ed25519')
    writeFileSync(join(dir, 'signing.pem'), privateKey.export({ type: 'pkcs8', format: 'pem' }))
    const key = resolveSigningKey(join(dir, 'signing.pem'))
    expect(key.origin).toBe('user')
    const { privateKey: rsa } = generateKeyPairSync('rsa', { modulusLength: 1024 })
    writeFileSync(join(dir, 'rsa.pem'), rsa.export({ type: 'pkcs8', format: 'pem' }))
    expect(() => resolveSigningKey(join(dir, 'rsa.pem'))).toThrow(SigningKeyError)
    expect(() => resolveSigningKey(join(dir, 'absent.pem'))).toThrow(/illisible/)
  })

  it('refuses an evidence path outside the run directory', () => {
    const crafted = { ...sample.report, evidence: [{ ...sample.report.evidence[0]!, files: [{ ...sample.report.evidence[0]!.files[0]!, path: '../../etc/passwd' }] }] }
    expect(() => sealBundle(sample.dir, crafted, { out: join(sample.dir, 'x.zip') })).toThrow(/hors du dossier/)
  })
})
