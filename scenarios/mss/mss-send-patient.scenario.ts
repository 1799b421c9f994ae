import { defineScenario, step } from '../../harness/index.ts'
import { mssPatientUsager as usager } from '../fixtures/mss-identities.ts'
import { awaitDocumentMessage, messageIssues, registerAndProduce, transportIssues } from './mss-steps.ts'

const patientAddress = `${usager.ins.value}@patient.mssante.fr`

/** Sends a document to the patient's Mon espace santé mailbox. */
export default defineScenario({
  id: 'mss-send-patient',
  title: 'Envoyer un document à l\'usager sur sa messagerie Mon espace santé',
  description:
    'Le DUI envoie un document à l\'usager lui-même, à l\'adresse <matricule INS>@patient.mssante.fr, ' +
    'qu\'il ne peut construire qu\'à partir d\'un INS qualifié. Le banc vérifie l\'adresse (INS bien ' +
    'formé, celui des documents) et le message.',
  section: 'MSS',
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI envoie le document à l\'adresse patient construite depuis l\'INS qualifié', {
      id: 'send-to-patient',
      verifies: ['MSS-001', 'MSS-005'],
      async run(ctx) {
        const sent = await ctx.trigger('mssante.send', { usager: usager.localId, documentId: ctx.state.get('documentId'), toPatient: true }, { tolerateFailure: true })
        const message = await awaitDocumentMessage(ctx, usager, patientAddress, sent.ok ? '' : ` (le DUI signale : ${sent.error})`)
        ctx.check([...transportIssues(message), ...messageIssues(message)], 'le message à l\'usager n\'est pas conforme')
      },
    }),
  ],
})
