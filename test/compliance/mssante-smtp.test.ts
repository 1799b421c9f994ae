import { spawn } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { connect as netConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { strToU8, zipSync } from 'fflate'
import nodemailer from 'nodemailer'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { startMssante, DUI_MAILBOX_PASSWORD, type RunningMssante } from '../../mocks/mssante/index.ts'
import { createTestPki, type KeyPair, type TestPki } from '../../mocks/pki/index.ts'
import { inboundDocumentMessage } from '../../scenarios/fixtures/inbound-document.ts'
import { mssReceiveUsager as usager } from '../../scenarios/fixtures/mss-identities.ts'

let pki: TestPki
let operator: RunningMssante
let strict: RunningMssante
let dir: string

beforeAll(async () => {
  pki = await createTestPki()
  dir = mkdtempSync(join(tmpdir(), 'mss-smtp-'))
  operator = await startMssante({ evidence: new EvidenceStore(dir), pki, maxMessageBytes: 512 * 1024 })
  strict = await startMssante({ evidence: new EvidenceStore(join(dir, 'strict')), pki, requireClientCertificate: true })
})
afterAll(async () => {
  await operator.close()
  await strict.close()
})
beforeEach(() => operator.reset())

function transport(target: RunningMssante, options: { clientCert?: KeyPair; minVersion?: 'TLSv1.2'; maxVersion?: 'TLSv1.1' | 'TLSv1.2' } = {}) {
  const [host, port] = target.smtp.split(':')
  return nodemailer.createTransport({
    host,
    port: Number(port),
    secure: false,
    requireTLS: true,
    auth: { user: target.duiAddress, pass: DUI_MAILBOX_PASSWORD },
    tls: { ca: pki.ca.cert, servername: 'localhost', ...(options.maxVersion ? { maxVersion: options.maxVersion, minVersion: 'TLSv1' as const } : {}), ...(options.clientCert ? { key: options.clientCert.key, cert: options.clientCert.cert } : {}) },
  })
}

async function documentMail(target: RunningMssante) {
  return inboundDocumentMessage(usager, target.duiAddress, 'claire.dupont@ch-fictif.test-ci-sis.mssante.fr')
}

/** Talks raw SMTP on a plain socket: returns every reply line received. */
async function plainDialogue(address: string, commands: readonly string[]): Promise<string[]> {
  const [host, port] = address.split(':')
  const socket = netConnect(Number(port), host)
  const lines: string[] = []
  let buffer = ''
  socket.on('data', (chunk: Buffer) => {
    buffer += chunk.toString('utf8')
    const parts = buffer.split('\r\n')
    buffer = parts.pop() ?? ''
    lines.push(...parts)
  })
  const waitFor = (count: number) => new Promise<void>((resolve) => {
    const check = () => (lines.filter((l) => /^\d{3} /.test(l)).length >= count ? resolve() : setTimeout(check, 10))
    check()
  })
  await waitFor(1)
  for (const [index, command] of commands.entries()) {
    socket.write(`${command}\r\n`)
    await waitFor(index + 2)
  }
  socket.destroy()
  return lines
}

describe('MSSanté SMTP submission', () => {
  it('accepts a message from nodemailer over STARTTLS + AUTH PLAIN, stores it raw with the TLS facts and judges it', async () => {
    const mail = await documentMail(operator)
    const info = await transport(operator).sendMail({ envelope: { from: operator.duiAddress, to: ['claire.dupont@ch-fictif.test-ci-sis.mssante.fr'] }, raw: mail.raw })
    expect(info.response).toMatch(/^250 /)
    const received = await operator.nextMessage((m) => m.analysis.messageId === mail.messageId, AbortSignal.timeout(5000))
    expect(received?.tls.protocol).toMatch(/^TLSv1\.[23]$/)
    expect(received?.tls.cipher).toBeTruthy()
    expect(received?.user).toBe(operator.duiAddress)
    expect(received?.raw.equals(mail.raw)).toBe(true)
    expect(received?.analysis).toMatchObject({ kind: 'document', patients: [usager.ins.value] })
  })

  it('accepts AUTH LOGIN too', async () => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: Number(operator.smtp.split(':')[1]), requireTLS: true, authMethod: 'LOGIN', auth: { user: operator.duiAddress, pass: DUI_MAILBOX_PASSWORD }, tls: { ca: pki.ca.cert, servername: 'localhost' } })
    await expect(t.sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'login', text: 'é' })).resolves.toMatchObject({ response: expect.stringMatching(/^250/) })
  })

  it('refuses AUTH before STARTTLS with a clear reply, records the refusal under SEC-001, and keeps serving', async () => {
    const lines = await plainDialogue(operator.smtp, ['EHLO client.test', `AUTH PLAIN ${Buffer.from(`\0${operator.duiAddress}\0${DUI_MAILBOX_PASSWORD}`).toString('base64')}`])
    expect(lines.at(-1)).toMatch(/^538 .*STARTTLS/)
    const refusal = await operator.submission.refusals.next((r) => r.issue.rule === 'transport/starttls-before-auth', AbortSignal.timeout(2000))
    expect(refusal?.issue).toMatchObject({ rule: 'transport/starttls-before-auth', requirement: 'SEC-001', evidence: refusal?.evidenceId })
    await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'encore', text: 'ok' })).resolves.toBeTruthy()
  })

  it.each(['PLAIN', 'LOGIN'] as const)('refuses nodemailer told to skip STARTTLS (AUTH %s in clear) with 538, recorded under SEC-001', async (authMethod) => {
    const [host, port] = operator.smtp.split(':')
    const clear = nodemailer.createTransport({ host, port: Number(port), secure: false, ignoreTLS: true, authMethod, auth: { user: operator.duiAddress, pass: DUI_MAILBOX_PASSWORD } })
    await expect(clear.sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'en clair', text: 'x' })).rejects.toMatchObject({ responseCode: 538 })
    const refusal = await operator.submission.refusals.next((r) => r.issue.rule === 'transport/starttls-before-auth', AbortSignal.timeout(2000))
    expect(refusal?.issue).toMatchObject({ severity: 'error', requirement: 'SEC-001' })
    expect(refusal?.reason).toMatch(new RegExp(`authentification ${authMethod} en clair`))
    expect(refusal?.tls.protocol).toBeUndefined()
  })

  it('refuses a wrong password (535) and records the refusal', async () => {
    const t = nodemailer.createTransport({ host: '127.0.0.1', port: Number(operator.smtp.split(':')[1]), requireTLS: true, auth: { user: operator.duiAddress, pass: 'faux' }, tls: { ca: pki.ca.cert, servername: 'localhost' } })
    await expect(t.sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 535 })
    const refusal = await operator.submission.refusals.next((r) => /authentification refusée/.test(r.reason), AbortSignal.timeout(2000))
    expect(refusal?.tls.protocol).toMatch(/^TLSv1\.[23]$/)
    // A wrong password breaks no requirement of the DUI's transport.
    expect(refusal?.issue).toMatchObject({ rule: 'transport/authentication' })
    expect(refusal?.issue.requirement).toBeUndefined()
  })

  it('refuses a TLS 1.1 client during the handshake, and keeps serving', async () => {
    const [host, port] = operator.smtp.split(':')
    const lines = await plainDialogue(operator.smtp, ['EHLO client.test', 'STARTTLS'])
    expect(lines.at(-1)).toMatch(/^220 /)
    // Raw socket: STARTTLS then a TLS 1.1-only handshake.
    const socket = netConnect(Number(port), host)
    await new Promise<void>((resolve) => socket.once('data', () => resolve()))
    socket.write('EHLO old.client\r\n')
    await new Promise((resolve) => setTimeout(resolve, 100))
    socket.write('STARTTLS\r\n')
    await new Promise((resolve) => setTimeout(resolve, 100))
    const error = await new Promise<Error>((resolve) => {
      const secure = tlsConnect({ socket, servername: 'localhost', ca: pki.ca.cert, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }, () => resolve(new Error('handshake succeeded')))
      secure.once('error', resolve)
    })
    expect(error.message).toMatch(/protocol|version|alert/i)
    await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'après TLS 1.1', text: 'ok' })).resolves.toBeTruthy()
  })

  it('records a nodemailer client capped at TLS 1.1 as refused under SEC-002', async () => {
    await expect(transport(operator, { maxVersion: 'TLSv1.1' }).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'TLS 1.1', text: 'x' })).rejects.toThrow()
    const refusal = await operator.submission.refusals.next((r) => r.issue.rule === 'transport/tls-version', AbortSignal.timeout(2000))
    expect(refusal?.issue).toMatchObject({ requirement: 'SEC-002' })
    expect(refusal?.reason).toMatch(/TLS 1\.2 minimum \(unsupported protocol\)/)
  })

  it('refuses an oversized message with 552 and keeps only the bytes under the limit', async () => {
    const big = 'A'.repeat(700 * 1024)
    await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'gros', text: big })).rejects.toMatchObject({ responseCode: 552 })
    await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'petit', text: 'ok' })).resolves.toBeTruthy()
  })

  it('reports a malformed MIME message with a clear reason, and keeps serving', async () => {
    const raw = 'From: dui@x.fr\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <bad@x.fr>\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nsans fin\r\n'
    await transport(operator).sendMail({ envelope: { from: operator.duiAddress, to: ['x@y.fr'] }, raw })
    const received = await operator.nextMessage((m) => m.analysis.messageId === '<bad@x.fr>', AbortSignal.timeout(5000))
    expect(received?.analysis.valid).toBe(false)
    expect(received?.analysis.issues.find((i) => i.rule === 'mime/well-formed')?.message).toMatch(/n'est pas fermée/)
  })

  it.each([
    ['a zip bomb', () => zipSync({ 'IHE_XDM/SUBSET01/DOC0001.XML': new Uint8Array(30 * 1024 * 1024) }, { level: 9 }), 'xdm/zip-size'],
    ['a zip-slip path', () => zipSync({ '../../etc/evil.txt': strToU8('x') }), 'xdm/zip-path'],
  ] as const)('reports an IHE_XDM.zip holding %s with a clear reason, and keeps serving', async (_label, build, rule) => {
    const info = await transport(operator).sendMail({
      from: operator.duiAddress,
      to: 'x@y.fr',
      subject: 'XDM/1.0/DDM+TEST NOM PRENOM 01/01/2000',
      text: 'pièce jointe piégée',
      attachments: [{ filename: 'IHE_XDM.zip', content: Buffer.from(build()), contentType: 'application/zip' }],
    })
    const received = await operator.nextMessage((m) => m.analysis.messageId === info.messageId, AbortSignal.timeout(5000))
    const issue = received?.analysis.issues.find((i) => i.rule === rule)
    expect(issue).toMatchObject({ severity: 'fatal', requirement: 'MSS-006' })
    expect(issue?.message).toMatch(/archive refusée/)
    await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'suivant', text: 'ok' })).resolves.toBeTruthy()
  })

  describe('operator behaviour on demand', () => {
    it.each([
      ['mail', 451],
      ['rcpt', 550],
      ['data', 554],
    ] as const)('answers %s with %i when told to', async (stage, code) => {
      operator.behave({ failAt: { stage, code, times: 1 } })
      await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: code })
      await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })).resolves.toBeTruthy()
    })

    it('answers 452 4.2.2 for a full mailbox', async () => {
      operator.behave({ mailboxFull: ['pleine@y.fr'] })
      await expect(transport(operator).sendMail({ from: operator.duiAddress, to: 'pleine@y.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 452 })
    })

    it('accepts a message to an unknown recipient and delivers a bounce to the IMAP mailbox', async () => {
      operator.behave({ unknownRecipients: ['inconnu@y.fr'] })
      const info = await transport(operator).sendMail({ from: operator.duiAddress, to: 'inconnu@y.fr', subject: 'x', text: 'x' })
      const sent = await operator.nextMessage((m) => m.envelope.to.includes('inconnu@y.fr'), AbortSignal.timeout(3000))
      expect(sent?.analysis.messageId).toBe(info.messageId)
    })

    it('can be slow', async () => {
      operator.behave({ delayMs: 300 })
      const started = performance.now()
      await transport(operator).sendMail({ from: operator.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })
      expect(performance.now() - started).toBeGreaterThan(300)
    })
  })

  describe('client certificate (mutual TLS) against the run-time test PKI', () => {
    it('accepts a valid client certificate', async () => {
      await expect(transport(strict, { clientCert: pki.client }).sendMail({ from: strict.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })).resolves.toBeTruthy()
      const received = await strict.nextMessage(() => true, AbortSignal.timeout(3000))
      expect(received?.tls.clientCertificate).toMatchObject({ authorized: true, subject: 'bal-applicative.test-ci-sis.mssante.fr' })
    })

    it.each([
      ['an expired certificate', 'expiredClient', /certificat expiré/],
      ['a certificate of another CA', 'wrongCaClient', /non émis par l'autorité de confiance/],
    ] as const)('refuses %s with a clear reason, and keeps serving', async (_label, which, reason) => {
      const error = await transport(strict, { clientCert: pki[which] }).sendMail({ from: strict.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' }).catch((e: unknown) => e as Error & { responseCode?: number })
      expect(error).toMatchObject({ responseCode: 530 })
      expect(String((error as Error).message)).toMatch(reason)
      expect((await strict.submission.refusals.next((r) => reason.test(r.reason), AbortSignal.timeout(2000)))?.reason).toMatch(reason)
      await expect(transport(strict, { clientCert: pki.client }).sendMail({ from: strict.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })).resolves.toBeTruthy()
    })

    it('refuses a session without any client certificate', async () => {
      await expect(transport(strict).sendMail({ from: strict.duiAddress, to: 'x@y.fr', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 530 })
    })
  })

  it('works with a third-party client: Python smtplib over STARTTLS, judged like any other message', async () => {
    const mail = await documentMail(operator)
    const emlPath = join(dir, 'python.eml')
    const caPath = join(dir, 'ca.pem')
    writeFileSync(emlPath, mail.raw)
    writeFileSync(caPath, pki.ca.cert)
    const [host, port] = operator.smtp.split(':')
    const script = [
      'import smtplib, ssl, sys',
      'ctx = ssl.create_default_context(cafile=sys.argv[3])',
      'ctx.minimum_version = ssl.TLSVersion.TLSv1_2',
      's = smtplib.SMTP(sys.argv[1], int(sys.argv[2]), local_hostname="python.client")',
      's.starttls(context=ctx)',
      's.login(sys.argv[4], sys.argv[5])',
      'data = open(sys.argv[6], "rb").read()',
      's.sendmail(sys.argv[4], ["claire.dupont@ch-fictif.test-ci-sis.mssante.fr"], data)',
      'print(s.sock.version())',
      's.quit()',
    ].join('\n')
    // Python checks the certificate against the host name: our server certificate names localhost.
    const output = await new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn('python3', ['-c', script, 'localhost', port!, caPath, operator.duiAddress, DUI_MAILBOX_PASSWORD, emlPath])
      let out = ''
      child.stdout.on('data', (c: Buffer) => (out += c.toString()))
      child.stderr.on('data', (c: Buffer) => (out += c.toString()))
      child.on('close', (code) => resolve({ code, out }))
    })
    expect(host).toBe('127.0.0.1')
    expect(output.code, output.out).toBe(0)
    expect(output.out.trim()).toMatch(/^TLSv1\.[23]$/)
    const received = await operator.nextMessage((m) => m.analysis.messageId === mail.messageId, AbortSignal.timeout(5000))
    expect(received?.user).toBe(operator.duiAddress)
    expect(received?.analysis).toMatchObject({ kind: 'document', patients: [usager.ins.value] })
    expect(received?.analysis.issues.filter((i) => i.rule === 'mime/subject-xdm' || i.rule === 'mime/xdm-and-pdf')).toEqual([])
  })
})
