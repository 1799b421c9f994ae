import { createRequire } from 'node:module'
import type { AddressInfo, Server, Socket } from 'node:net'
import { DEFAULT_CIPHERS, TLSSocket } from 'node:tls'
import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { KeyPair } from '../pki/index.ts'
import { ClaimLog } from '../claim-log.ts'

/** A message the harness put into the DUI's mailbox. */
export interface DeliveredMessage {
  readonly evidenceId: string
  readonly messageId: string
  readonly at: string
}

/** The DUI read a delivered message's body over IMAP. */
export interface FetchedMessage {
  readonly evidenceId: string
  readonly messageId: string
  readonly user: string
  readonly at: string
  readonly tls: { readonly protocol?: string; readonly cipher?: string }
}

export interface MailboxOptions {
  readonly evidence: EvidenceStore
  readonly host: string
  readonly port?: number
  readonly tls: KeyPair
  /** Accepted logins (address -> password). */
  readonly users: ReadonlyMap<string, string>
  /** Autologout timer: a connection silent this long is cut (RFC 3501 §5.4: 30 minutes, the default). */
  readonly idleTimeoutMs?: number
}

/** Our interface to the IMAP mailbox; hoodiecrow-imap stays behind it so it can be replaced. */
export interface RunningMailbox {
  readonly address: string
  /** Appends an RFC 5322 message to INBOX (as the operator's MTA would deliver it). */
  deliver(raw: Buffer | string, note: string): DeliveredMessage
  /** Every body fetch of a delivered message, claimed by Message-ID. */
  readonly fetches: ClaimLog<FetchedMessage>
  close(): Promise<void>
}

interface HoodiecrowMessage {
  raw: string
  flags: string[]
  uid?: number
}
interface HoodiecrowConnection {
  socket: Socket | TLSSocket | null
  state: string
  secureConnection: boolean
  upgrading?: boolean
  scheduleCommand(data: string): void
  upgradeConnection(callback: () => void): void
}
interface HoodiecrowServer {
  server: Server
  users: Record<string, { password: string }>
  connectionHandlers: ((connection: HoodiecrowConnection) => void)[]
  outputHandlers: ((connection: HoodiecrowConnection, response: { tag?: string; command?: string; attributes?: ({ type?: string; value?: unknown } | null)[] }, description: string) => void)[]
  fetchHandlers: Record<string, FetchHandler>
  appendMessage(mailbox: string, flags: string[], date: Date, raw: string): { message: HoodiecrowMessage }
  listen(port: number, host: string, callback: () => void): void
  close(callback: () => void): void
}
type FetchHandler = (connection: HoodiecrowConnection, message: HoodiecrowMessage, query?: { section?: unknown }) => unknown
type HoodiecrowFactory = (options: Record<string, unknown>) => HoodiecrowServer

const SOURCE = 'mssante.imap'
const AUTOLOGOUT_MS = 30 * 60 * 1000
/** Bytes a client may send before its command ends: above an APPEND of the largest message (25 Mo). */
const MAX_PENDING_BYTES = 32 * 1024 * 1024
const require = createRequire(import.meta.url)

/**
 * IMAP4rev1 mailbox over STARTTLS, served by hoodiecrow-imap (STACK §12: the only embeddable
 * IMAP server that fits; unmaintained, hence this wrapper). TLS comes from our run-time PKI with
 * TLS 1.2 minimum and Node's default ciphers, never its bundled certificate or cipher list;
 * LOGINDISABLED refuses LOGIN before STARTTLS.
 */
export async function startMailbox(options: MailboxOptions): Promise<RunningMailbox> {
  const hoodiecrow = require('hoodiecrow-imap') as HoodiecrowFactory
  const users = Object.fromEntries([...options.users].map(([user, password]) => [user, { password }]))
  const imap = hoodiecrow({
    plugins: ['STARTTLS', 'LOGINDISABLED', 'UIDPLUS', 'IDLE', 'SPECIAL-USE', 'LITERALPLUS', 'ID', 'ENABLE', 'UNSELECT'],
    credentials: { key: options.tls.key, cert: options.tls.cert, minVersion: 'TLSv1.2', ciphers: DEFAULT_CIPHERS, honorCipherOrder: true },
    users,
    storage: { INBOX: { messages: [] }, '': { separator: '/', folders: {} } },
  })
  const fetches = new ClaimLog<FetchedMessage>()
  const messageIds = new WeakMap<HoodiecrowMessage, string>()
  const fetched = new WeakMap<HoodiecrowConnection, Set<HoodiecrowMessage>>()
  const transcripts = new WeakMap<HoodiecrowConnection, { lines: string[]; user: string; tls: FetchedMessage['tls']; cut: string }>()

  const sockets = new Set<Socket>()
  imap.connectionHandlers.push((connection) => {
    if (connection.socket) {
      const socket = connection.socket
      sockets.add(socket)
      socket.on('close', () => sockets.delete(socket))
    }
    const session = { lines: [] as string[], user: '', tls: {} as FetchedMessage['tls'], cut: '' }
    transcripts.set(connection, session)
    // hoodiecrow has no autologout and buffers a command (literals included) without limit: cut both.
    let pending = 0
    let idle: NodeJS.Timeout | undefined
    const cut = (reason: string) => {
      const socket = connection.socket
      if (!socket || session.cut) return
      session.cut = reason
      socket.pause() // hoodiecrow reads nothing more
      socket.end(`* BYE ${reason}\r\n`)
      setTimeout(() => socket.destroy(), 100).unref()
    }
    const touch = () => {
      clearTimeout(idle)
      idle = setTimeout(() => cut('délai d\'inactivité dépassé, session fermée'), options.idleTimeoutMs ?? AUTOLOGOUT_MS).unref()
    }
    const guard = (socket: Socket | TLSSocket | null) => {
      socket?.on('data', (chunk: Buffer) => {
        touch()
        pending += chunk.length
        if (pending > MAX_PENDING_BYTES) cut(`commande de plus de ${MAX_PENDING_BYTES / 1024 / 1024} Mio, session fermée`)
      })
      socket?.on('close', () => clearTimeout(idle))
    }
    guard(connection.socket)
    touch()
    const upgrade = connection.upgradeConnection.bind(connection)
    connection.upgradeConnection = (callback) => {
      const plain = connection.socket
      upgrade(() => {
        guard(connection.socket)
        callback()
      })
      // hoodiecrow dropped every listener of the plain socket; it still closes last, TLS or not.
      plain?.on('close', () => {
        if (connection.upgrading) session.cut = 'négociation TLS (STARTTLS) échouée : TLS 1.2 minimum exigé'
        sockets.delete(plain)
        finishSession(connection)
      })
    }
    const schedule = connection.scheduleCommand.bind(connection)
    connection.scheduleCommand = (data: string) => {
      pending = 0
      // Never keep a password in evidence.
      const shown = data.replace(/^(\S+\s+LOGIN\s+)(\S+)\s+.*$/i, (_all, head: string, user: string) => {
        session.user = user.replace(/"/g, '')
        return `${head}${user} ********`
      })
      session.lines.push(`C: ${shown.slice(0, 200)}`)
      if (connection.socket instanceof TLSSocket && !session.tls.protocol) {
        const protocol = connection.socket.getProtocol()
        session.tls = { ...(protocol ? { protocol } : {}), cipher: connection.socket.getCipher().standardName }
      }
      schedule(data)
    }
    connection.socket?.on('close', () => finishSession(connection))
  })
  imap.outputHandlers.push((connection, response, description) => {
    const text = response.attributes?.find((attribute) => attribute?.type === 'TEXT')?.value
    if (response.tag !== '*') transcripts.get(connection)?.lines.push(`S: ${response.tag ?? ''} ${response.command ?? ''} ${typeof text === 'string' ? `${text} ` : ''}(${description})`)
  })
  // Wrap the body fetch handlers (FETCH and UID FETCH both resolve them here) to see which
  // delivered message the DUI actually read.
  const builtIn = require('hoodiecrow-imap/lib/commands/handlers/fetch.js') as Record<string, FetchHandler>
  for (const key of ['BODY', 'BODY.PEEK', 'RFC822']) {
    const original = builtIn[key]
    if (!original) continue
    imap.fetchHandlers[key] = (connection, message, query) => {
      if (key === 'RFC822' || query?.section) onBodyFetched(connection, message)
      return original(connection, message, query)
    }
  }
  const onBodyFetched = (connection: HoodiecrowConnection, message: HoodiecrowMessage) => {
    const seen = fetched.get(connection) ?? new Set()
    fetched.set(connection, seen)
    const messageId = messageIds.get(message)
    if (!messageId || seen.has(message)) return
    seen.add(message)
    const session = transcripts.get(connection)
    const record = options.evidence.record({ kind: 'imap-session', direction: 'incoming', source: SOURCE }, `IMAP FETCH du message ${messageId} par ${session?.user || '?'}`, [{ name: 'fetch.json', role: 'fetch', contentType: 'application/json', data: JSON.stringify({ messageId, user: session?.user, tls: session?.tls }, null, 2) }], 'mssante.mailbox')
    fetches.add({ evidenceId: record.id, messageId, user: session?.user ?? '', at: record.at, tls: session?.tls ?? {} })
  }
  const finished = new WeakSet<HoodiecrowConnection>()
  const finishSession = (connection: HoodiecrowConnection) => {
    const session = transcripts.get(connection)
    if (!session || finished.has(connection) || (session.lines.length === 0 && !session.cut)) return
    finished.add(connection)
    const refusals = session.lines.filter((line) => /^S: \S+ (NO|BAD) /.test(line))
    const refused = refusals.length > 0 ? `, ${refusals.length} refus du serveur (dernier : « ${refusals.at(-1)!.slice(3)} »)` : ''
    const summary = `session IMAP de ${session.user || '(non authentifié)'} : ${session.lines.filter((l) => l.startsWith('C:')).length} commandes, ${session.tls.protocol ?? 'sans TLS'}${refused}${session.cut ? `, coupée : ${session.cut}` : ''}`
    options.evidence.record({ kind: 'imap-session', direction: 'incoming', source: SOURCE }, summary, [{ name: 'transcript.txt', role: 'transcript', contentType: 'text/plain', data: `${session.lines.join('\n')}\n` }], 'mssante.mailbox')
  }
  imap.server.on('error', () => {
    // Socket-level errors end that connection only; the mailbox keeps serving.
  })
  await new Promise<void>((resolve) => imap.listen(options.port ?? 0, options.host, resolve))
  const { port } = imap.server.address() as AddressInfo
  return {
    address: `${options.host}:${port}`,
    fetches,
    deliver(raw, note) {
      const text = Buffer.isBuffer(raw) ? raw.toString('binary') : Buffer.from(raw, 'utf8').toString('binary')
      const messageId = /^Message-ID:\s*(\S+)/im.exec(text)?.[1] ?? ''
      const { message } = imap.appendMessage('INBOX', [], new Date(), text)
      messageIds.set(message, messageId)
      const record = options.evidence.record({ kind: 'smtp-message', direction: 'outgoing', source: SOURCE }, `remis dans la boîte du DUI : ${note} ${messageId}`, [{ name: 'message.eml', role: 'message', contentType: 'message/rfc822', data: Buffer.from(text, 'binary') }], 'mssante.deliver')
      return { evidenceId: record.id, messageId, at: record.at }
    },
    close: () =>
      new Promise<void>((resolve) => {
        imap.close(() => resolve())
        // A client that never logged out must not hold the run open.
        for (const socket of sockets) socket.destroy()
      }),
  }
}
