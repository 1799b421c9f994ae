import type { StepContext, StepDefinition } from '../../harness/index.ts'
import type { Issue } from '../../harness/index.ts'
import type { SubmittedMessage } from '../../mocks/index.ts'
import type { TestIdentity } from '../fixtures/identities.ts'
import { produceDocument, registerUsager } from '../shared-steps.ts'

/** Steps shared by the MSSanté scenarios: file the usager, produce a document. */
export function registerAndProduce(usager: TestIdentity): StepDefinition[] {
  return [registerUsager(usager), produceDocument(usager)]
}

/**
 * Waits for the DUI's message about `usager` (by INS in the IHE_XDM) sent to `recipient`. A
 * message whose archive designates nobody readable is taken too: the step then judges it,
 * rather than timing out on a message it could not correlate.
 */
export function awaitDocumentMessage(ctx: StepContext, usager: TestIdentity, recipient: string, note: string): Promise<SubmittedMessage> {
  return ctx.expectTraffic(`aucun message MSSanté reçu par l'opérateur pour l'INS ${usager.ins.value} à destination de ${recipient}${note}`, (signal) =>
    ctx.mocks.mssante.nextMessage((m) => m.envelope.to.some((to) => to.toLowerCase() === recipient.toLowerCase()) && (m.analysis.patients.includes(usager.ins.value) || m.analysis.kind !== 'document' || m.analysis.patients.length === 0), signal),
  )
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
