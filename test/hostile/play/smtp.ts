import { createHash } from 'node:crypto'
import type { SmtpInput, StreamedBody } from '../corpus/case.ts'
import { RECIPIENT } from '../corpus/mime-attacks.ts'
import { LineClient } from './line-client.ts'

export interface MailAccount {
  readonly address: string
  readonly password: string
  /** The test CA the simulator's certificate chains to. */
  readonly ca: string
}

export interface SmtpOutcome {
  /** Every server line after the setup (replies to the case's own bytes). */
  readonly lines: readonly string[]
  /** The handshake error when STARTTLS was refused. */
  readonly tlsError?: Error
  readonly closed: boolean
  /** The message as the server must have stored it (dot-stuffing undone). */
  readonly message?: { readonly sha256: string; readonly bytes: number }
}

/** An outdated protocol must be offered for real: OpenSSL 3 hides TLS 1.0/1.1 below SECLEVEL 0. */
export const OLD_TLS = (version: 'TLSv1' | 'TLSv1.1') => ({ minVersion: 'TLSv1' as const, maxVersion: version, ciphers: 'DEFAULT@SECLEVEL=0' })

/**
 * Plays an SMTP case: the setup (EHLO, STARTTLS, AUTH PLAIN) done by the book, then the case's
 * raw bytes in one packet, or a message through MAIL/RCPT/DATA; ends with QUIT.
 */
export async function playSmtp(smtp: string, account: MailAccount, input: SmtpInput): Promise<SmtpOutcome> {
  const client = await LineClient.connect(smtp)
  try {
    if (input.setup === 'connect') {
      await client.write(input.lines ?? '')
      await client.waitClosed()
      return { lines: client.lines, closed: client.closed }
    }
    await client.waitFor(/^220 /)
    await command(client, 'EHLO hostile.test', /^250 /)
    if (input.setup !== 'ehlo') {
      await command(client, 'STARTTLS', /^220 /)
      const tlsError = await client.upgrade({ ca: account.ca, ...(input.tlsVersion ? OLD_TLS(input.tlsVersion) : {}) })
      if (tlsError) return { lines: [], tlsError, closed: true }
      await command(client, 'EHLO hostile.test', /^250 /)
    }
    if (input.setup === 'auth') await command(client, `AUTH PLAIN ${Buffer.from(`\0${account.address}\0${account.password}`).toString('base64')}`, /^235 /)
    const from = client.lines.length
    let message: SmtpOutcome['message']
    if (input.lines !== undefined) await client.write(input.lines)
    if (input.message !== undefined) message = await sendMessage(client, account.address, input.message)
    await client.write('QUIT\r\n')
    await client.waitFor(/^221 /, from)
    return { lines: client.lines.slice(from), closed: client.closed, ...(message ? { message } : {}) }
  } finally {
    client.close()
  }
}

async function command(client: LineClient, line: string, expected: RegExp): Promise<void> {
  const from = client.lines.length
  await client.write(`${line}\r\n`)
  const reply = await client.waitFor(/^\d{3} /, from)
  if (!reply || !expected.test(reply)) throw new Error(`mise en place SMTP : « ${line} » → ${reply ?? 'pas de réponse'}`)
}

/** MAIL FROM / RCPT TO / DATA, the message dot-stuffed (streamed when large), then the final dot. */
async function sendMessage(client: LineClient, from: string, message: Buffer | StreamedBody): Promise<SmtpOutcome['message']> {
  const before = client.lines.length
  await client.write(`MAIL FROM:<${from}>\r\nRCPT TO:<${RECIPIENT}>\r\nDATA\r\n`)
  if ((await client.waitFor(/^(354|[45]\d\d) /, before)) === undefined || !client.lines.slice(before).some((line) => line.startsWith('354 '))) return undefined
  const hash = createHash('sha256')
  let bytes = 0
  const send = async (piece: Buffer) => {
    hash.update(piece)
    bytes += piece.length
    await client.write(Buffer.from(piece.toString('latin1').replace(/(^|\r\n)\./g, '$1..'), 'latin1'))
  }
  if (Buffer.isBuffer(message)) {
    await send(message.subarray(-2).toString('latin1') === '\r\n' ? message : Buffer.concat([message, Buffer.from('\r\n')]))
  } else {
    // Chunks are plain text lines without a leading dot: stuffing never spans two of them.
    for (let left = message.bytes; left > 0 && !client.closed; left -= message.chunk.length) await send(left >= message.chunk.length ? message.chunk : message.chunk.subarray(0, left))
    await send(Buffer.from('\r\n'))
  }
  const from2 = client.lines.length
  await client.write('.\r\n')
  await client.waitFor(/^\d{3} /, from2, 60_000)
  return { sha256: hash.digest('hex'), bytes }
}
