import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { redactSecrets, redactText, REDACTED } from '../../../harness/evidence/redact.ts'
import { EvidenceStore } from '../../../harness/evidence/store.ts'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { makeSampleRun, SECRETS } from '../../fixtures/reports/sample-run.ts'

describe('redactText', () => {
  it.each([
    ['SMTP AUTH PLAIN', `C: AUTH PLAIN ${SECRETS.smtpPlain}`, `C: AUTH PLAIN ${REDACTED}`],
    ['SMTP AUTH LOGIN answer', `S: 334 UGFzc3dvcmQ6\r\nC: ${SECRETS.smtpLoginPassword}`, `S: 334 UGFzc3dvcmQ6\r\nC: ${REDACTED}`],
    ['IMAP LOGIN', `a1 LOGIN dr.dupont ${SECRETS.imapPassword}`, `a1 LOGIN dr.dupont ${REDACTED}`],
    ['Authorization: Bearer', `authorization: Bearer ${SECRETS.bearer}`, `authorization: Bearer ${REDACTED}`],
    ['Authorization: Basic', 'Authorization: Basic ZHI6cHc=', `Authorization: Basic ${REDACTED}`],
    ['a JWT anywhere', `token=${SECRETS.jwt};`, `token=${REDACTED};`],
    ['JSON token fields', `{"refresh_token":"${SECRETS.refreshToken}","token_type":"Bearer"}`, `{"refresh_token":"${REDACTED}","token_type":"Bearer"}`],
    ['form secrets', 'grant_type=x&client_secret=cs-1&code_verifier=cv', `grant_type=x&client_secret=${encodeURIComponent(REDACTED)}&code_verifier=${encodeURIComponent(REDACTED)}`],
    ['PEM private key', `-----BEGIN PRIVATE KEY-----\n${SECRETS.pemBody}\n-----END PRIVATE KEY-----`, `-----BEGIN PRIVATE KEY-----${REDACTED}-----END PRIVATE KEY-----`],
    ['PEM RSA key', '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', `-----BEGIN RSA PRIVATE KEY-----${REDACTED}-----END RSA PRIVATE KEY-----`],
  ])('masks %s', (_name, input, expected) => {
    expect(redactText(input)).toBe(expected)
  })

  it('keeps JSON valid when a query string with a secret is quoted in it', () => {
    const json = JSON.stringify({ summary: 'GET /cb?password=abc', next: 1 })
    expect(JSON.parse(redactText(json))).toEqual({ summary: `GET /cb?password=${encodeURIComponent(REDACTED)}`, next: 1 })
  })

  it('leaves ordinary evidence untouched: public certificates, base64 documents, headers', () => {
    const text = 'content-type: application/fhir+json\r\n\r\n{"data":"PD94bWwgdmVyc2lvbj0iMS4wIj8+","title":"AUTH"}\n-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----'
    expect(redactText(text)).toBe(text)
  })
})

describe('redactSecrets (bytes)', () => {
  it('keeps binary bytes and UTF-8 text intact around a masked secret', () => {
    const data = Buffer.concat([Buffer.from([0, 0xff, 0xfe]), Buffer.from(`\nAuthorization: Bearer ${SECRETS.bearer}\nécrit\n`)])
    const out = redactSecrets(data)
    expect(out.subarray(0, 3)).toEqual(Buffer.from([0, 0xff, 0xfe]))
    expect(out.subarray(3).toString('utf8')).toBe(`\nAuthorization: Bearer ${REDACTED}\nécrit\n`)
  })

  it('returns the same buffer when there is nothing to mask', () => {
    const data = Buffer.from('GET /fhir/Patient HTTP/1.1\r\n\r\n')
    expect(redactSecrets(data)).toBe(data)
  })
})

describe('EvidenceStore redaction hook', () => {
  it('writes masked bytes, and the recorded sha256 is that of what is on disk', () => {
    const { dir, report } = makeSampleRun()
    const files = report.evidence.flatMap((e) => e.files)
    const onDisk = files.map((f) => readFileSync(join(dir, f.path)))
    const all = Buffer.concat(onDisk).toString('latin1')
    for (const secret of Object.values(SECRETS)) expect(all).not.toContain(secret)
    files.forEach((f, i) => expect(createHash('sha256').update(onDisk[i]!).digest('hex')).toBe(f.sha256))
    expect(readFileSync(join(dir, 'report.json'), 'utf8')).not.toContain(SECRETS.jwt)
  })
})

describe('EvidenceStore without the hook', () => {
  it('would keep the secret (the hook is what removes it)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'redact-off-'))
    const store = new EvidenceStore(dir, { redact: (data) => data })
    const record = store.record({ kind: 'log', direction: 'incoming', source: 'test' }, 'log', [{ name: 'a.txt', role: 'log', data: `C: AUTH PLAIN ${SECRETS.smtpPlain}` }])
    expect(readFileSync(join(dir, record.files[0]!.path), 'utf8')).toContain(SECRETS.smtpPlain)
  })
})
