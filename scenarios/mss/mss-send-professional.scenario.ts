import { defineScenario, step } from '../../harness/index.ts'
import type { SubmittedMessage } from '../../mocks/mssante/index.ts'
import { professionalAddress } from '../fixtures/mss-addresses.ts'
import { mssProfessionalUsager as usager } from '../fixtures/mss-identities.ts'
import { awaitDocumentMessage, isRefusal, messageIssues, transportIssues } from './mss-steps.ts'
import { registerAndProduce } from '../shared-steps.ts'

/** Sends a document to a professional through MSSanté. */
export default defineScenario({
  id: 'mss-send-professional',
  title: 'Envoyer un document à un professionnel par MSSanté',
  description:
    'Le DUI envoie un document CDA N1 d\'un usager à l\'identité qualifiée à un professionnel, par la ' +
    'messagerie MSSanté (SMTP avec STARTTLS et authentification). Le banc, qui joue l\'opérateur, ' +
    'vérifie d\'abord le transport (STARTTLS avant l\'authentification, TLS ≥ 1.2 ; une session refusée ' +
    'est rapportée avec sa raison), puis le message (objet XDM/1.0/DDM+, identifiants RFC 5322, UTF-8, ' +
    'archive IHE_XDM.zip et PDF, un seul patient) et l\'archive (structure, METADATA.XML cohérent avec le CDA).',
  section: 'MSS',
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI remet le message à l\'opérateur dans une session authentifiée après STARTTLS, en TLS 1.2 au moins', {
      id: 'send-message',
      verifies: ['SEC-001', 'SEC-002'],
      async run(ctx) {
        const sent = await ctx.trigger('mssante.send', { usager: usager.localId, documentId: ctx.state.get('documentId'), to: professionalAddress }, { tolerateFailure: true })
        const submission = await awaitDocumentMessage(ctx, usager, professionalAddress, sent.ok ? '' : ` (le DUI signale : ${sent.error})`)
        if (isRefusal(submission)) return ctx.failBeforeJudging(`l'opérateur a refusé la session SMTP du DUI : ${submission.reason}`, [submission.issue])
        ctx.state.set('message', submission)
        ctx.check(transportIssues(submission), 'le transport du message n\'est pas conforme')
      },
    }),
    step('le message remis au professionnel est conforme (objet, identifiants, UTF-8, IHE_XDM.zip et PDF, archive)', {
      id: 'message-conforms',
      verifies: ['MSS-001', 'MSS-002', 'MSS-003', 'MSS-004', 'MSS-006', 'MSS-007', 'MSS-009', 'MSS-012'],
      run(ctx) {
        const message = ctx.state.get('message') as SubmittedMessage
        ctx.attach(message.evidenceId)
        ctx.check(messageIssues(message), 'le message MSSanté n\'est pas conforme')
        if (message.analysis.kind !== 'document') ctx.fail('le message reçu ne porte pas de document (ni IHE_XDM.zip ni objet XDM/1.0/DDM+)')
      },
    }),
  ],
})
