import { defineScenario, manualCheck, step } from '../../harness/index.ts'
import { buildMdn } from '../../mocks/index.ts'
import { professionalAddress } from '../fixtures/mss-addresses.ts'
import { mssNotificationUsager as usager } from '../fixtures/mss-identities.ts'
import { awaitDocumentMessage, messageIssues, messageToJudge, transportIssues } from './mss-steps.ts'
import { notificationFiled } from './notification-filed.ts'
import { registerAndProduce } from '../shared-steps.ts'

/** Asks for an MDN, then receives it and links it to the message sent. */
export default defineScenario({
  id: 'mss-request-mdn',
  title: 'Demander un accusé de traitement et le rattacher au message envoyé',
  description:
    'Le DUI envoie un document en demandant un accusé (Disposition-Notification-To). Le banc, pour le ' +
    'destinataire, dépose l\'accusé (MDN RFC 8098) dans la boîte du DUI, qui le relève par IMAP et le ' +
    'rattache au message d\'origine.',
  section: 'MSS',
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI envoie le document en demandant un accusé de traitement', {
      id: 'send-with-mdn-request',
      verifies: ['MSS-011'],
      async run(ctx) {
        const sent = await ctx.trigger('mssante.send', { usager: usager.localId, documentId: ctx.state.get('documentId'), to: professionalAddress, requestMdn: true }, { tolerateFailure: true })
        const message = messageToJudge(ctx, await awaitDocumentMessage(ctx, usager, professionalAddress, sent.ok ? '' : ` (le DUI signale : ${sent.error})`))
        ctx.check([...transportIssues(message), ...messageIssues(message)], 'le message MSSanté n\'est pas conforme')
        if (!message.analysis.dispositionNotificationTo) {
          ctx.check([{ severity: 'error', code: 'required', rule: 'mss/mdn-requested', requirement: 'MSS-011', message: 'le message ne demande pas d\'accusé (en-tête Disposition-Notification-To absent)', evidence: message.evidenceId }], 'aucun accusé demandé')
        }
        ctx.state.set('sent', { messageId: message.analysis.messageId, subject: message.analysis.subject })
      },
    }),
    step('le DUI relève l\'accusé et le rattache au message envoyé', {
      id: 'fetch-mdn',
      verifies: ['MSS-011'],
      async run(ctx) {
        const sent = ctx.state.get('sent') as { messageId: string; subject?: string }
        const mdn = buildMdn({ messageId: sent.messageId, from: ctx.mocks.mssante.duiAddress, to: professionalAddress, ...(sent.subject ? { subject: sent.subject } : {}) })
        ctx.attach(ctx.mocks.mssante.mailbox.deliver(mdn, 'accusé de traitement').evidenceId)
        await notificationFiled(ctx, 'mdn', sent.messageId)
      },
    }),
    manualCheck('MSS-013', 'le message envoyé pour l\'usager MSS-QUATRE DENIS est marqué comme reçu et traité par le destinataire (accusé de traitement)'),
  ],
})
