import type { StepContext } from '../../harness/index.ts'
import type { Issue } from '../../harness/index.ts'
import type { RefusedSession, SubmittedMessage } from '../../mocks/mssante/index.ts'

/** What came of a submission the DUI was asked for: its message, or the operator's refusal of its session. */
export type Submission = SubmittedMessage | RefusedSession

export function isRefusal(submission: Submission): submission is RefusedSession {
  return 'issue' in submission
}

/**
 * Waits for the DUI's message matching `predicate`, or for the operator's refusal of its session
 * (plaintext AUTH, TLS older than 1.2): a refused DUI sends nothing, and the refusal is what to
 * report. Refusals name no recipient: the MSSanté scenarios run alone, never concurrently.
 */
export function awaitSubmission(ctx: StepContext, missing: string, predicate: (message: SubmittedMessage) => boolean, options?: { requirement?: string }): Promise<Submission> {
  return ctx.expectTraffic(missing, (signal) => ctx.mocks.mssante.nextSubmission(predicate, signal), options)
}

/** Who a message is about: the usager's INS, and her local id (IPP) for an identity not qualified. */
export interface MessagePatient {
  readonly localId: string
  readonly ins: { readonly value: string }
}

/**
 * Waits for the DUI's message about `usager` sent to `recipient`: its IHE_XDM designates her by
 * INS or, identity not qualified, by her local id (IPP). A message whose archive designates
 * nobody readable, or that is not recognised as carrying documents, is taken too: the step then
 * judges it, rather than timing out on a message it could not correlate. Notifications (MDN,
 * bounce) are never taken for it. No message at all fails MSS-001 (documents go as IHE_XDM.zip
 * and PDF): the step's own requirements (transport, address…) had nothing to be judged on.
 */
export function awaitDocumentMessage(ctx: StepContext, usager: MessagePatient, recipient: string, note: string): Promise<Submission> {
  return awaitSubmission(ctx, `aucun message MSSanté reçu par l'opérateur pour l'usager ${usager.localId} (INS ${usager.ins.value}) à destination de ${recipient}${note}`, (m) => isDocumentMessageFor(m, usager, recipient), { requirement: 'MSS-001' })
}

/** The correlation of `awaitDocumentMessage`, for steps that wait on their own terms. */
export function isDocumentMessageFor(message: SubmittedMessage, usager: MessagePatient, recipient: string): boolean {
  const { analysis } = message
  if (!message.envelope.to.some((to) => to.toLowerCase() === recipient.toLowerCase())) return false
  const designatesNobody = analysis.patients.length === 0 && analysis.localPatients.length === 0
  return analysis.patients.includes(usager.ins.value) || analysis.localPatients.includes(usager.localId) || analysis.kind === 'plain' || (analysis.kind === 'document' && designatesNobody)
}

/**
 * The message a step judges. When the operator refused the DUI's session there is none: the step
 * cannot judge anything and is skipped; the refusal itself fails the transport step of
 * mss-send-professional, which verifies SEC-001 and SEC-002 (the one it does not name is left
 * not judged).
 */
export function messageToJudge(ctx: StepContext, submission: Submission): SubmittedMessage {
  if (!isRefusal(submission)) return submission
  return ctx.skip(`aucun message à examiner : ${submission.issue.message}${submission.issue.requirement ? ` (exigence ${submission.issue.requirement})` : ''}`)
}

/** SEC-001 / SEC-002: the message came through an authenticated session over TLS 1.2 or later. */
export function transportIssues(message: SubmittedMessage): Issue[] {
  const issues: Issue[] = []
  const protocol = message.tls.protocol
  if (!protocol || !['TLSv1.2', 'TLSv1.3'].includes(protocol)) {
    issues.push({ severity: 'error', code: 'security', rule: 'transport/tls-version', requirement: 'SEC-002', message: `message transmis en ${protocol ?? 'clair'} : TLS 1.2 minimum`, evidence: message.evidenceId })
  }
  if (!message.user) issues.push({ severity: 'error', code: 'security', rule: 'transport/authenticated', requirement: 'SEC-001', message: 'message soumis sans authentification après STARTTLS', evidence: message.evidenceId })
  return issues
}

/** The message's own findings, linked to its evidence. */
export function messageIssues(message: SubmittedMessage): Issue[] {
  return message.analysis.issues.map((issue) => ({ ...issue, evidence: message.evidenceId }))
}
