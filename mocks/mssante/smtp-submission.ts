import type { AddressInfo } from 'node:net'
import type { TLSSocket } from 'node:tls'
import { SMTPServer, type SMTPServerAddress, type SMTPServerAuthentication, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server'
import type { Issue } from '../../harness/core/issue.ts'
import type { EvidenceStore } from '../../harness/evidence/index.ts'
import { validateMessage, type MessageValidationResult } from '../../harness/validate/mime/index.ts'
import type { KeyPair } from '../pki/index.ts'
import type { OperatorBehaviour, SmtpStage } from './behaviour.ts'
import { ClaimLog } from '../claim-log.ts'
import { opensslReason } from '../openssl-reason.ts'
import { refusalsOf, SmtpTranscripts } from './smtp-transcript.ts'

/** What the TLS layer of a session negotiated, and the client certificate if one was shown. */
export interface TlsFacts {
  readonly protocol?: string
  readonly cipher?: string
  readonly clientCertificate?: { readonly subject?: string; readonly authorized: boolean; readonly error?: string }
}

/** One message submitted by a client, stored raw as evidence and judged. */
export interface SubmittedMessage {
  readonly evidenceId: string
  readonly at: string
  readonly user?: string
  readonly tls: TlsFacts
  readonly envelope: { readonly from: string; readonly to: readonly string[] }
  readonly raw: Buffer
  readonly analysis: MessageValidationResult
}

/** A session refused before any message (TLS, client certificate, authentication), with why. */
export interface RefusedSession {
  readonly evidenceId: string
  readonly at: string
  readonly reason: string
  readonly tls: TlsFacts
  /** The refusal as a finding: its rule and, when the client broke one, the requirement (SEC-00x). */
  readonly issue: Issue
}

export interface SubmissionOptions {
  readonly evidence: EvidenceStore
  readonly host: string
  readonly port?: number
  readonly tls: KeyPair & { readonly ca: string }
  /** Accepted logins (address -> password). */
  readonly users: ReadonlyMap<string, string>
  readonly maxMessageBytes: number
  /** Refuse sessions whose client certificate is missing, expired or not issued by the test CA. */
  readonly requireClientCertificate?: boolean
  readonly behaviour: () => OperatorBehaviour
  /** Called with each accepted message (unknown recipients get their bounce from here). */
  readonly onAccepted?: (message: SubmittedMessage) => void
  /** A client silent this long is cut with a 421 (default 30 s). */
  readonly idleTimeoutMs?: number
}

export interface RunningSubmission {
  readonly address: string
  readonly messages: ClaimLog<SubmittedMessage>
  readonly refusals: ClaimLog<RefusedSession>
  close(): Promise<void>
}

const SOURCE = 'mssante.smtp'

/**
 * SMTP submission (RFC 6409) as an MSSanté operator offers it: STARTTLS required before AUTH
 * (no `allowInsecureAuth`), TLS 1.2 minimum with our run-time key and certificate (never
 * smtp-server's bundled, expired one), AUTH PLAIN/LOGIN, a size limit, and an optional client
 * certificate checked against the run-time test CA.
 */
export async function startSubmission(options: SubmissionOptions): Promise<RunningSubmission> {
  const messages = new ClaimLog<SubmittedMessage>()
  const refusals = new ClaimLog<RefusedSession>()
  const tlsBySession = new Map<string, TlsFacts>()
  const failures = new Map<SmtpStage, number>()
  const transcripts = new SmtpTranscripts()
  const refuse = (session: SMTPServerSession | undefined, cause: RefusalCause, reason: string) => {
    const tls = session ? (tlsBySession.get(session.id) ?? {}) : {}
    const record = options.evidence.record({ kind: 'smtp-message', direction: 'incoming', source: SOURCE }, `SMTP refusé : ${reason}`, [{ name: 'refusal.json', role: 'refusal', contentType: 'application/json', data: JSON.stringify({ reason, tls, remote: session?.remoteAddress }, null, 2) }], 'mssante.submission')
    const { rule, requirement } = REFUSAL_CAUSES[cause]
    const issue: Issue = { severity: 'error', code: 'security', rule, message: `l'opérateur MSSanté a refusé la session SMTP : ${reason}`, evidence: record.id, ...(requirement ? { requirement } : {}) }
    refusals.add({ evidenceId: record.id, at: record.at, reason, tls, issue })
  }
  const stage = async (name: SmtpStage): Promise<void> => {
    const behaviour = options.behaviour()
    if (behaviour.delayMs) await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs))
    const failAt = behaviour.failAt
    if (failAt?.stage !== name) return
    const used = failures.get(name) ?? 0
    if (failAt.times !== undefined && used >= failAt.times) return
    failures.set(name, used + 1)
    throw smtpError(failAt.code, failAt.message ?? `${failAt.code >= 500 ? '5.3.0' : '4.3.0'} incident simulé de l'opérateur (${name})`)
  }

  const server = new SMTPServer({
    secure: false,
    key: options.tls.key,
    cert: options.tls.cert,
    ca: options.tls.ca,
    minVersion: 'TLSv1.2',
    // Ask for a certificate but judge it ourselves, to answer with a clear reason.
    requestCert: true,
    rejectUnauthorized: false,
    authMethods: ['PLAIN', 'LOGIN'],
    // smtp-server would answer 538 itself without telling us; onAuth refuses instead, so the
    // attempt is recorded (SEC-001). AUTH is still refused until STARTTLS.
    allowInsecureAuth: true,
    size: options.maxMessageBytes,
    disableReverseLookup: true,
    maxClients: 64,
    socketTimeout: options.idleTimeoutMs ?? 30_000,
    closeTimeout: 1000,
    logger: transcripts.logger,
    banner: 'simulateur MSSanté dui-harness (test)',
    onConnect(session, callback) {
      stage('connect').then(() => callback(), callback)
    },
    onSecure(socket, session, callback) {
      const tlsSocket = socket as TLSSocket
      const peer = tlsSocket.getPeerCertificate()
      const shown = peer && Object.keys(peer).length > 0
      const authorizationError = tlsSocket.authorizationError ? String(tlsSocket.authorizationError) : undefined
      const facts: TlsFacts = {
        ...(tlsSocket.getProtocol() ? { protocol: tlsSocket.getProtocol()! } : {}),
        ...(tlsSocket.getCipher()?.standardName ? { cipher: tlsSocket.getCipher().standardName } : {}),
        ...(shown ? { clientCertificate: { subject: String(peer.subject?.CN ?? ''), authorized: !authorizationError, ...(authorizationError ? { error: authorizationError } : {}) } } : {}),
      }
      tlsBySession.set(session.id, facts)
      if (!options.requireClientCertificate) return callback()
      const reason = !shown ? 'aucun certificat client présenté' : authorizationError ? `certificat client refusé (${certificateReason(authorizationError)})` : undefined
      if (!reason) return callback()
      refuse(session, 'client-certificate', reason)
      callback(smtpError(530, `5.7.0 ${reason}`))
    },
    onAuth(auth: SMTPServerAuthentication, session, callback) {
      if (!session.secure) {
        refuse(session, 'plaintext-auth', `authentification ${auth.method} en clair, avant STARTTLS`)
        return callback(smtpError(538, '5.7.0 STARTTLS obligatoire avant AUTH : authentification en clair refusée'))
      }
      stage('auth').then(() => {
        const expected = options.users.get((auth.username ?? '').toLowerCase())
        if (expected === undefined || expected !== auth.password) {
          refuse(session, 'credentials', `authentification refusée pour ${auth.username ?? '?'} (${auth.method})`)
          return callback(smtpError(535, '5.7.8 identifiant ou mot de passe incorrect'))
        }
        callback(null, { user: auth.username })
      }, callback)
    },
    onMailFrom(_address: SMTPServerAddress, _session, callback) {
      stage('mail').then(() => callback(), callback)
    },
    onRcptTo(address: SMTPServerAddress, _session, callback) {
      stage('rcpt').then(() => {
        const full = options.behaviour().mailboxFull?.some((a) => a.toLowerCase() === address.address.toLowerCase())
        if (full) return callback(smtpError(452, `4.2.2 boîte aux lettres de ${address.address} pleine`))
        callback()
      }, callback)
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      const chunks: Buffer[] = []
      let size = 0
      // rejectOversized still streams the whole message here: stop keeping bytes past the limit.
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= options.maxMessageBytes) chunks.push(chunk)
      })
      stream.on('end', () => {
        const raw = Buffer.concat(chunks)
        const envelope = { from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address) }
        const tls = tlsBySession.get(session.id) ?? {}
        const recorder = options.evidence.open({ kind: 'smtp-message', direction: 'incoming', source: SOURCE })
        recorder.addFile({ name: 'message.eml', role: 'message', contentType: 'message/rfc822', data: raw })
        if (stream.sizeExceeded) {
          recorder.addFile({ name: 'session.json', role: 'session', contentType: 'application/json', data: JSON.stringify({ envelope, tls, user: session.user, bytes: size, truncated: true }, null, 2) })
          recorder.finish(`SMTP ${envelope.from} → ${envelope.to.join(', ')} : refusé, ${size} octets > ${options.maxMessageBytes}`, 'mssante.submission')
          return callback(smtpError(552, `5.3.4 message de ${size} octets, au-delà de la taille maximale de ${options.maxMessageBytes} octets`))
        }
        void stage('data')
          .then(async () => {
            const analysis = await validateMessage(raw, { envelope })
            recorder.addFile({ name: 'session.json', role: 'session', contentType: 'application/json', data: JSON.stringify({ envelope, tls, user: session.user, bytes: size, kind: analysis.kind, messageId: analysis.messageId }, null, 2) })
            const evidence = recorder.finish(`SMTP ${envelope.from} → ${envelope.to.join(', ')} (${analysis.kind}, ${tls.protocol ?? 'sans TLS'} ${tls.cipher ?? ''})`.trim(), 'mssante.submission')
            const message: SubmittedMessage = { evidenceId: evidence.id, at: evidence.at, ...(typeof session.user === 'string' ? { user: session.user } : {}), tls, envelope, raw, analysis }
            messages.add(message)
            options.onAccepted?.(message)
            callback(null, `2.0.0 message accepté ${analysis.messageId ?? ''}`.trim())
          })
          .catch((error: unknown) => {
            recorder.finish(`SMTP ${envelope.from} → ${envelope.to.join(', ')} : refusé (${error instanceof Error ? error.message : String(error)})`, 'mssante.submission')
            callback(error instanceof Error ? error : new Error(String(error)))
          })
      })
    },
    onClose(session) {
      tlsBySession.delete(session.id)
      // Errors smtp-server answers by itself (503, 421, 501...) reach no hook: the transcript keeps them.
      const lines = transcripts.take(session.id)
      const refusals = refusalsOf(lines)
      if (refusals.length === 0) return
      const who = typeof session.user === 'string' ? session.user : '(non authentifié)'
      options.evidence.record({ kind: 'log', direction: 'incoming', source: SOURCE }, `session SMTP de ${who} : ${refusals.length} refus, dernier : ${refusals.at(-1)}`, [{ name: 'transcript.txt', role: 'transcript', contentType: 'text/plain', data: `${lines.join('\n')}\n` }], 'mssante.submission')
    },
  })
  // A failed handshake (TLS 1.1 client, bad certificate) is emitted here; without a listener
  // the process would crash (STACK §2). The simulator keeps serving.
  server.on('error', (error: Error & { code?: string }) => {
    const text = `${error.code ?? ''} ${error.message}`
    if (/unsupported protocol|wrong version|version too low/i.test(text)) refuse(undefined, 'tls-version', `version de TLS du client refusée, TLS 1.2 minimum (${opensslReason(error.message)})`)
    else if (/protocol|version|handshake|certificate|alert|ECONNRESET|EPIPE/i.test(text)) refuse(undefined, 'tls-handshake', `négociation TLS échouée : ${opensslReason(error.message)}`)
  })
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject)
    server.listen(options.port ?? 0, options.host, () => resolve())
  })
  const { port } = server.server.address() as AddressInfo
  return {
    address: `${options.host}:${port}`,
    messages,
    refusals,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** Why a session was refused, and which requirement the client broke (none for a wrong password). */
type RefusalCause = 'plaintext-auth' | 'tls-version' | 'tls-handshake' | 'client-certificate' | 'credentials'

const REFUSAL_CAUSES: Readonly<Record<RefusalCause, { readonly rule: string; readonly requirement?: string }>> = {
  'plaintext-auth': { rule: 'transport/starttls-before-auth', requirement: 'SEC-001' },
  'tls-version': { rule: 'transport/tls-version', requirement: 'SEC-002' },
  'tls-handshake': { rule: 'transport/tls-handshake' },
  'client-certificate': { rule: 'transport/client-certificate', requirement: 'SEC-003' },
  credentials: { rule: 'transport/authentication' },
}

function smtpError(code: number, message: string): Error & { responseCode: number } {
  return Object.assign(new Error(message), { responseCode: code })
}

function certificateReason(code: string): string {
  switch (code) {
    case 'CERT_HAS_EXPIRED':
      return 'certificat expiré'
    case 'UNABLE_TO_VERIFY_LEAF_SIGNATURE':
    case 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY':
    case 'SELF_SIGNED_CERT_IN_CHAIN':
    case 'DEPTH_ZERO_SELF_SIGNED_CERT':
      return 'certificat non émis par l\'autorité de confiance'
    default:
      return code
  }
}
