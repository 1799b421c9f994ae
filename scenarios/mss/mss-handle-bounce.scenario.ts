import { defineScenario, step } from '../../harness/index.ts'
import { unknownAddress } from '../fixtures/mss-addresses.ts'
import { mssBounceUsager as usager } from '../fixtures/mss-identities.ts'
import { awaitSubmission, messageToJudge } from './mss-steps.ts'
import { notificationFiled } from './notification-filed.ts'
import { registerAndProduce } from '../shared-steps.ts'

/** Sends to an unknown mailbox; the operator bounces; the DUI reports the failure. */
export default defineScenario({
  id: 'mss-handle-bounce',
  title: 'Traiter un avis de non-remise',
  description:
    'Le DUI envoie un document à une adresse que l\'opérateur ne connaît pas. Le banc accepte le message ' +
    'puis dépose un avis de non-remise (RFC 3464) dans la boîte du DUI, qui le relève et le rattache au ' +
    'message d\'origine.',
  section: 'MSS',
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI envoie le document à une adresse inconnue de l\'opérateur', {
      id: 'send-to-unknown',
      verifies: [],
      async run(ctx) {
        ctx.mocks.mssante.behave({ unknownRecipients: [unknownAddress] })
        const sent = await ctx.trigger('mssante.send', { usager: usager.localId, documentId: ctx.state.get('documentId'), to: unknownAddress }, { tolerateFailure: true })
        const message = messageToJudge(ctx, await awaitSubmission(ctx, `aucun message reçu par l'opérateur à destination de ${unknownAddress}${sent.ok ? '' : ` (le DUI signale : ${sent.error})`}`, (m) => m.envelope.to.includes(unknownAddress)))
        ctx.state.set('original', message.analysis.messageId)
      },
    }),
    step('le DUI relève l\'avis de non-remise et le rattache au message envoyé', {
      id: 'fetch-bounce',
      verifies: ['MSS-011'],
      async run(ctx) {
        await notificationFiled(ctx, 'bounce', String(ctx.state.get('original')))
      },
    }),
  ],
})
