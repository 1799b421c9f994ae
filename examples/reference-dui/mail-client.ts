import { readFileSync } from 'node:fs'
import { ImapFlow } from 'imapflow'
import nodemailer from 'nodemailer'
import type Mail from 'nodemailer/lib/mailer/index.js'
import type { Mistakes } from './defects/index.ts'

/** The establishment's MSSanté mailbox on the operator of the session (docs/simulator-mssante.md). */
export interface MailboxSettings {
  readonly smtp: string
  readonly imap: string
  readonly domain: string
  /** PEM path of the CA that signed the operator's certificates. */
  readonly ca?: string
}

export const MAILBOX_LOCAL_PART = 'dui'
const PASSWORD = 'dui-harness-test'

/** A message read from the mailbox, raw, with its IMAP uid. */
export interface ReceivedRaw {
  readonly uid: number
  readonly raw: Buffer
}

/** Sends with nodemailer (SMTP submission, STARTTLS required) and reads with imapflow (IMAP, STARTTLS). */
export class MailClient {
  readonly address: string
  readonly #settings: MailboxSettings
  readonly #ca: string | undefined
  readonly #mistakes: Mistakes

  constructor(settings: MailboxSettings, mistakes: Mistakes = {}) {
    this.#settings = settings
    this.#mistakes = mistakes
    this.address = `${MAILBOX_LOCAL_PART}@${settings.domain}`
    this.#ca = settings.ca ? readFileSync(settings.ca, 'utf8') : undefined
  }

  async send(message: Mail.Options): Promise<{ messageId: string }> {
    const [host, port] = split(this.#settings.smtp)
    const transport = nodemailer.createTransport({
      host,
      port,
      secure: false,
      // STARTTLS before AUTH, and no session without it.
      ...(this.#mistakes.smtpWithoutStarttls ? { ignoreTLS: true } : { requireTLS: true }),
      auth: { user: this.address, pass: PASSWORD },
      tls: { servername: 'localhost', ...(this.#mistakes.smtpTls11 ? { minVersion: 'TLSv1' as const, maxVersion: 'TLSv1.1' as const } : { minVersion: 'TLSv1.2' as const }), ...(this.#ca ? { ca: this.#ca } : {}) },
    })
    try {
      const info = await transport.sendMail(message)
      return { messageId: info.messageId }
    } finally {
      transport.close()
    }
  }

  /** Reads every unseen message of INBOX, then marks them seen once `handle` filed them. */
  async fetchUnseen(handle: (message: ReceivedRaw) => Promise<void>): Promise<number> {
    const [host, port] = split(this.#settings.imap)
    const client = new ImapFlow({
      host,
      port,
      secure: false,
      doSTARTTLS: true,
      auth: { user: this.address, pass: PASSWORD },
      tls: { servername: 'localhost', minVersion: 'TLSv1.2', ...(this.#ca ? { ca: this.#ca } : {}) },
      logger: false,
    })
    // ImapFlow emits connection errors as events as well as failing the pending command: without a
    // listener, a server that drops the connection would crash the whole DUI process.
    client.on('error', () => {})
    await client.connect()
    let count = 0
    try {
      const lock = await client.getMailboxLock('INBOX')
      try {
        const unseen = ((await client.search({ seen: false }, { uid: true })) || []) as number[]
        const messages: ReceivedRaw[] = []
        if (unseen.length > 0) {
          for await (const message of client.fetch(unseen, { uid: true, source: true }, { uid: true })) {
            if (message.source) messages.push({ uid: message.uid, raw: message.source })
          }
        }
        for (const message of messages) {
          await handle(message)
          await client.messageFlagsAdd([message.uid], ['\\Seen'], { uid: true })
          count++
        }
      } finally {
        lock.release()
      }
    } finally {
      await client.logout()
    }
    return count
  }
}

function split(hostPort: string): [string, number] {
  const index = hostPort.lastIndexOf(':')
  return [hostPort.slice(0, index), Number(hostPort.slice(index + 1))]
}
