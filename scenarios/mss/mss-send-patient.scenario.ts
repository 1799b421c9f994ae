import { defineScenario, linkedSignal, step } from '../../harness/index.ts'
import { validateMessage } from '../../harness/validate/mime/index.ts'
import { ABSENCE_WINDOW_MS, produceDocument, registerAndProduce, registerUnqualifiedUsager } from '../shared-steps.ts'
import { mssPatientUsager as usager, mssUnqualifiedUsager as unqualified } from '../fixtures/mss-identities.ts'
import { awaitDocumentMessage, messageIssues, messageToJudge, transportIssues } from './mss-steps.ts'

const patientAddress = `${usager.ins.value}@patient.mssante.fr`
const unqualifiedAddress = `${unqualified.ins.value}@patient.mssante.fr`

/** Sends a document to the patient's Mon espace santé mailbox, never to an unqualified usager's. */
export default defineScenario({
  id: 'mss-send-patient',
  title: 'Envoyer un document à l\'usager sur sa messagerie Mon espace santé',
  description:
    'Le DUI envoie un document à l\'usager lui-même, à l\'adresse <matricule INS>@patient.mssante.fr, ' +
    'qu\'il ne peut construire qu\'à partir d\'un INS qualifié. Il reçoit d\'abord la même demande pour un ' +
    'usager dont l\'INS n\'est que récupéré (identité non qualifiée) : aucun message ne doit partir vers ' +
    'son adresse. Le banc vérifie ensuite l\'adresse de l\'usager qualifié (INS bien formé, celui des ' +
    'documents) et le message.',
  section: 'MSS',
  verifies: [],
  steps: [
    registerUnqualifiedUsager(unqualified),
    produceDocument(unqualified, 'Synthèse de l\'accompagnement', 'unqualified-document'),
    step('le DUI n\'écrit pas à l\'adresse patient d\'un usager dont l\'identité n\'est pas qualifiée', {
      id: 'no-mail-to-unqualified',
      verifies: ['MSS-005'],
      async run(ctx) {
        // The DUI should refuse the action; a DUI that queues its mail is watched a moment longer.
        await ctx.trigger('mssante.send', { usager: unqualified.localId, documentId: ctx.state.get('unqualified-document'), toPatient: true }, { tolerateFailure: true })
        const watch = linkedSignal(ctx.signal, ABSENCE_WINDOW_MS)
        const message = await ctx.mocks.mssante.nextMessage((m) => m.envelope.to.some((to) => to.toLowerCase() === unqualifiedAddress), watch.signal).finally(() => watch.dispose())
        if (!message) return
        ctx.attach(message.evidenceId)
        // Only the address is at stake here: a message that must not exist is not judged further.
        const judged = await validateMessage(message.raw, { envelope: message.envelope, identityStatus: unqualified.status })
        const issues = judged.issues.filter((issue) => issue.rule === 'mime/patient-address').map((issue) => ({ ...issue, evidence: message.evidenceId }))
        ctx.fail(`le DUI a écrit à ${unqualifiedAddress}, adresse d'un usager dont l'identité n'est pas qualifiée (statut ${unqualified.status})`, issues)
      },
    }),
    ...registerAndProduce(usager),
    step('le DUI envoie le document à l\'adresse patient construite depuis l\'INS qualifié', {
      id: 'send-to-patient',
      verifies: ['MSS-001', 'MSS-005'],
      async run(ctx) {
        const sent = await ctx.trigger('mssante.send', { usager: usager.localId, documentId: ctx.state.get('documentId'), toPatient: true }, { tolerateFailure: true })
        const message = messageToJudge(ctx, await awaitDocumentMessage(ctx, usager, patientAddress, sent.ok ? '' : ` (le DUI signale : ${sent.error})`))
        ctx.check([...transportIssues(message), ...messageIssues(message)], 'le message à l\'usager n\'est pas conforme')
      },
    }),
  ],
})
