import { linkedSignal } from '../../harness/core/linked-signal.ts'
import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { TestPki } from '../pki/index.ts'
import type { OperatorBehaviour } from './behaviour.ts'
import { DEFAULT_DOMAIN, DUI_MAILBOX_LOCAL_PART, DUI_MAILBOX_PASSWORD } from './credentials.ts'
import { startMailbox, type RunningMailbox } from './mailbox.ts'
import { buildBounce } from './notifications.ts'
import { startSubmission, type RefusedSession, type RunningSubmission, type SubmittedMessage } from './smtp-submission.ts'

export type { OperatorBehaviour, SmtpStage } from './behaviour.ts'
export type { DeliveredMessage, FetchedMessage, RunningMailbox } from './mailbox.ts'
export type { RefusedSession, SubmittedMessage, TlsFacts } from './smtp-submission.ts'
export { buildBounce, buildMdn, type OriginalMessage } from './notifications.ts'
export { ClaimLog } from '../claim-log.ts'
export { DEFAULT_DOMAIN, DUI_MAILBOX_LOCAL_PART, DUI_MAILBOX_PASSWORD } from './credentials.ts'

export interface MssanteOptions {
  readonly evidence: EvidenceStore
  readonly pki: TestPki
  readonly host?: string
  readonly domain?: string
  /** Largest accepted message; Mon espace santé caps at 25 Mo (brief §6.2). */
  readonly maxMessageBytes?: number
  readonly requireClientCertificate?: boolean
  /** A client silent this long is cut (SMTP 30 s and IMAP 30 min by default); tests shorten it. */
  readonly slowClientTimeoutMs?: number
}

export interface RunningMssante {
  /** `host:port` of SMTP submission (STARTTLS). */
  readonly smtp: string
  /** `host:port` of the IMAP mailbox (STARTTLS). */
  readonly imap: string
  readonly domain: string
  /** The DUI's mailbox address on this operator. */
  readonly duiAddress: string
  readonly submission: RunningSubmission
  readonly mailbox: RunningMailbox
  /** The next submitted message matching `predicate`, claimed for the caller. */
  nextMessage(predicate: (message: SubmittedMessage) => boolean, signal: AbortSignal): Promise<SubmittedMessage | undefined>
  /**
   * The next message matching `predicate`, or else the next refused session (plaintext AUTH, old
   * TLS...), whichever comes first. A refusal names no recipient: only a scenario running alone
   * may claim it.
   */
  nextSubmission(predicate: (message: SubmittedMessage) => boolean, signal: AbortSignal): Promise<SubmittedMessage | RefusedSession | undefined>
  /** Makes the operator misbehave until `reset`. */
  behave(behaviour: OperatorBehaviour): void
  reset(): void
  close(): Promise<void>
}

const DEFAULT_MAX_BYTES = 25 * 1024 * 1024

/** Starts the MSSanté operator simulator: SMTP submission and IMAP mailbox, both STARTTLS. */
export async function startMssante(options: MssanteOptions): Promise<RunningMssante> {
  const host = options.host ?? '127.0.0.1'
  const domain = options.domain ?? DEFAULT_DOMAIN
  const duiAddress = `${DUI_MAILBOX_LOCAL_PART}@${domain}`
  const users = new Map([[duiAddress, DUI_MAILBOX_PASSWORD]])
  let behaviour: OperatorBehaviour = {}
  const idle = options.slowClientTimeoutMs !== undefined ? { idleTimeoutMs: options.slowClientTimeoutMs } : {}
  const mailbox = await startMailbox({ evidence: options.evidence, host, tls: options.pki.server, users, ...idle })
  const submission = await startSubmission({
    evidence: options.evidence,
    host,
    tls: { ...options.pki.server, ca: options.pki.ca.cert },
    users,
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_BYTES,
    ...idle,
    ...(options.requireClientCertificate ? { requireClientCertificate: true } : {}),
    behaviour: () => behaviour,
    onAccepted(message) {
      const unknown = message.envelope.to.filter((to) => behaviour.unknownRecipients?.some((u) => u.toLowerCase() === to.toLowerCase()))
      for (const to of unknown) {
        const original = { messageId: message.analysis.messageId ?? '', from: message.envelope.from, to, ...(message.analysis.subject ? { subject: message.analysis.subject } : {}) }
        mailbox.deliver(buildBounce(original, domain), `avis de non-remise pour ${to}`)
      }
    },
  })
  return {
    smtp: submission.address,
    imap: mailbox.address,
    domain,
    duiAddress,
    submission,
    mailbox,
    nextMessage: (predicate, signal) => submission.messages.next(predicate, signal),
    nextSubmission(predicate, signal) {
      // Whichever comes first, the message or a refused session, ends both waits.
      const both = linkedSignal(signal)
      return new Promise((resolve) => {
        let pending = 2
        const settle = (outcome: SubmittedMessage | RefusedSession | undefined) => {
          if (outcome) {
            both.dispose()
            resolve(outcome)
          } else if (--pending === 0) {
            both.dispose()
            resolve(undefined)
          }
        }
        void submission.messages.next(predicate, both.signal).then(settle)
        void submission.refusals.next(() => true, both.signal).then(settle)
      })
    },
    behave(next) {
      behaviour = next
    },
    reset() {
      behaviour = {}
    },
    async close() {
      await Promise.all([submission.close(), mailbox.close()])
    },
  }
}
