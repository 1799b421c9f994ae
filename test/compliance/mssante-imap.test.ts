import { mkdtempSync, readFileSync } from 'node:fs'
import { connect as netConnect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect as tlsConnect } from 'node:tls'
import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { buildMdn, DUI_MAILBOX_PASSWORD, startMssante, type RunningMssante } from '../../mocks/mssante/index.ts'
import { createTestPki, type TestPki } from '../../mocks/pki/index.ts'

let pki: TestPki
let operator: RunningMssante
let dir: string
let evidence: EvidenceStore

beforeAll(async () => {
  pki = await createTestPki()
  dir = mkdtempSync(join(tmpdir(), 'mss-imap-'))
  evidence = new EvidenceStore(dir)
  operator = await startMssante({ evidence, pki })
})
afterAll(() => operator.close())

function imapClient(password = DUI_MAILBOX_PASSWORD): ImapFlow {
  const [host, port] = operator.imap.split(':')
  return new ImapFlow({ host: host!, port: Number(port), secure: false, doSTARTTLS: true, auth: { user: operator.duiAddress, pass: password }, tls: { ca: pki.ca.cert, servername: 'localhost' }, logger: false })
}

async function readAll(): Promise<{ uid: number; raw: Buffer }[]> {
  const client = imapClient()
  await client.connect()
  const lock = await client.getMailboxLock('INBOX')
  const out: { uid: number; raw: Buffer }[] = []
  try {
    for await (const message of client.fetch('1:*', { uid: true, source: true })) if (message.source) out.push({ uid: message.uid, raw: message.source })
  } finally {
    lock.release()
    await client.logout()
  }
  return out
}

describe('MSSanté IMAP mailbox (hoodiecrow-imap behind our interface)', () => {
  it('serves a delivered message to imapflow over STARTTLS (TLS ≥ 1.2) and records that it was fetched', async () => {
    const delivered = operator.mailbox.deliver(buildMdn({ messageId: '<orig-1@dui.fr>', from: operator.duiAddress, to: 'pro@ch.fr' }), 'MDN de test')
    const fetched = operator.mailbox.fetches.next((f) => f.messageId === delivered.messageId, AbortSignal.timeout(5000))
    const messages = await readAll()
    expect(messages.some((m) => m.raw.toString('utf8').includes('Original-Message-ID: <orig-1@dui.fr>'))).toBe(true)
    const record = await fetched
    expect(record).toMatchObject({ user: operator.duiAddress, tls: { protocol: expect.stringMatching(/^TLSv1\.[23]$/) } })
  })

  it('delivers a bounce after a message to an unknown recipient, readable over IMAP, naming the original only in its returned headers', async () => {
    operator.behave({ unknownRecipients: ['inconnu@ch.fr'] })
    const [host, port] = operator.smtp.split(':')
    const info = await nodemailer
      .createTransport({ host, port: Number(port), requireTLS: true, auth: { user: operator.duiAddress, pass: DUI_MAILBOX_PASSWORD }, tls: { ca: pki.ca.cert, servername: 'localhost' } })
      .sendMail({ from: operator.duiAddress, to: 'inconnu@ch.fr', subject: 'XDM/1.0/DDM+TEST', text: 'x' })
    operator.reset()
    const bounce = (await readAll()).map((m) => m.raw.toString('utf8')).find((raw) => raw.includes('report-type=delivery-status'))
    // As Postfix or Exim write them: no In-Reply-To, the original's headers in a text/rfc822-headers part.
    expect(bounce).not.toMatch(/^In-Reply-To:/m)
    expect(bounce).toMatch(new RegExp(`Content-Type: text/rfc822-headers\\r\\n\\r\\nMessage-ID: ${info.messageId}`))
    expect(bounce).toMatch(/Status: 5\.1\.1/)
  })

  it('refuses LOGIN before STARTTLS, with a clear reason', async () => {
    const [host, port] = operator.imap.split(':')
    const socket = netConnect(Number(port), host)
    let text = ''
    socket.on('data', (c: Buffer) => (text += c.toString()))
    await new Promise((resolve) => setTimeout(resolve, 100))
    socket.write(`a1 CAPABILITY\r\na2 LOGIN ${operator.duiAddress} ${DUI_MAILBOX_PASSWORD}\r\n`)
    await new Promise((resolve) => setTimeout(resolve, 200))
    socket.destroy()
    expect(text).toMatch(/LOGINDISABLED/)
    expect(text).toMatch(/a2 BAD Run STARTTLS first/)
  })

  it('refuses a TLS 1.1 client, and keeps serving', async () => {
    const [host, port] = operator.imap.split(':')
    const socket = netConnect(Number(port), host)
    await new Promise((resolve) => socket.once('data', resolve))
    socket.write('a1 STARTTLS\r\n')
    await new Promise((resolve) => socket.once('data', resolve))
    const error = await new Promise<Error>((resolve) => {
      const secure = tlsConnect({ socket, servername: 'localhost', ca: pki.ca.cert, minVersion: 'TLSv1', maxVersion: 'TLSv1.1' }, () => resolve(new Error('handshake succeeded')))
      secure.once('error', resolve)
    })
    expect(error.message).toMatch(/protocol|version|alert/i)
    expect((await readAll()).length).toBeGreaterThan(0)
  })

  it('refuses a wrong password', async () => {
    await expect(imapClient('faux').connect()).rejects.toThrow()
  })

  it('never writes the password into the session transcript', async () => {
    await readAll()
    await new Promise((resolve) => setTimeout(resolve, 100))
    const transcripts = evidence.all().filter((e) => e.kind === 'imap-session' && e.files.some((f) => f.role === 'transcript'))
    expect(transcripts.length).toBeGreaterThan(0)
    for (const record of transcripts) for (const file of record.files) expect(readFileSync(join(dir, file.path), 'utf8')).not.toContain(DUI_MAILBOX_PASSWORD)
  })
})
