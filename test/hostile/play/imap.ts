import type { ImapInput } from '../corpus/case.ts'
import { LineClient } from './line-client.ts'
import { OLD_TLS, type MailAccount, type SmtpOutcome } from './smtp.ts'

/**
 * Plays an IMAP case: greeting, then STARTTLS and LOGIN as the setup asks, the case's raw bytes
 * in one packet, and LOGOUT. Returns the server's lines after the setup.
 */
export async function playImap(imap: string, account: MailAccount, input: ImapInput): Promise<Omit<SmtpOutcome, 'message'>> {
  const client = await LineClient.connect(imap)
  try {
    await client.waitFor(/^\* OK/)
    if (input.setup !== 'connect') {
      await tagged(client, 's1 STARTTLS', 's1')
      const tlsError = await client.upgrade({ ca: account.ca, ...(input.tlsVersion ? OLD_TLS(input.tlsVersion) : {}) })
      if (tlsError) return { lines: [], tlsError, closed: true }
    }
    if (input.setup === 'login') await tagged(client, `s2 LOGIN ${account.address} ${account.password}`, 's2')
    const from = client.lines.length
    if (input.lines !== undefined) await client.write(input.lines)
    await client.write(`${endsWithNewline(input.lines) ? '' : '\r\n'}zz LOGOUT\r\n`)
    await client.waitFor(/^zz /, from)
    return { lines: client.lines.slice(from), closed: client.closed }
  } finally {
    client.close()
  }
}

async function tagged(client: LineClient, command: string, tag: string): Promise<void> {
  const from = client.lines.length
  await client.write(`${command}\r\n`)
  const reply = await client.waitFor(new RegExp(`^${tag} `), from)
  if (!reply?.startsWith(`${tag} OK`)) throw new Error(`mise en place IMAP : « ${command.replace(/LOGIN (\S+) .*/, 'LOGIN $1 ***')} » → ${reply ?? 'pas de réponse'}`)
}

function endsWithNewline(lines: Buffer | string | undefined): boolean {
  if (lines === undefined || lines.length === 0) return true
  return (typeof lines === 'string' ? lines : lines.subarray(-1).toString('latin1')).endsWith('\n')
}
