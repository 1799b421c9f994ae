import { defineScenario, linkedSignal, step } from '../../harness/index.ts'
import { insTransmissionIssues } from '../../harness/validate/identity/index.ts'
import { coordinationAddress as professionalAddress } from '../fixtures/mss-addresses.ts'
import { mssRecupUsager as usager } from '../fixtures/mss-identities.ts'
import { awaitDocumentMessage, isDocumentMessageFor, messageToJudge } from '../mss/mss-steps.ts'
import { ABSENCE_WINDOW_MS, produceDocument, registerUnqualifiedUsager } from '../shared-steps.ts'
import { documentsSentByMail, insInsideDocuments } from './ins-inside-documents.ts'
import { insSentWithMessage } from './ins-sent-with-message.ts'

/**
 * Writing to a professional about an usager whose identity is not qualified is allowed, by her
 * IPP: the harness looks for her INS around the documents (INS-005) and inside them (DOC-008).
 * Not concurrent: the MSSanté step may claim a refused SMTP session, which names no recipient.
 */
export default defineScenario({
  id: 'ins-mssante-unqualified',
  title: 'Écrire à un professionnel sans transmettre l\'INS d\'une identité non qualifiée',
  description:
    'Le DUI enregistre un usager dont l\'INS n\'est que récupéré (identité non qualifiée), produit un document ' +
    'pour lui puis reçoit la demande de l\'envoyer à un professionnel par MSSanté. L\'envoi reste possible en ' +
    'désignant l\'usager par l\'identifiant local de l\'établissement (IPP) ; l\'INS, lui, ne doit apparaître ' +
    'ni autour des documents (en-têtes, texte, METADATA.XML de l\'archive IHE_XDM : INS-005) ni dans le ' +
    'document CDA de l\'archive (DOC-008). Un DUI qui refuse l\'envoi ne transmet pas l\'INS non plus.',
  section: 'INS',
  verifies: [],
  steps: [
    registerUnqualifiedUsager(usager),
    produceDocument(usager),
    step('le DUI n\'envoie pas l\'INS de l\'identité récupérée à un professionnel par MSSanté', {
      id: 'no-ins-by-mssante',
      // INS-005: headers, text, METADATA.XML and the rest of the archive; DOC-008: the CDA in the archive.
      verifies: ['INS-005', 'DOC-008'],
      async run(ctx) {
        const sent = await ctx.trigger('mssante.send', { usager: usager.localId, documentId: ctx.state.get('documentId'), to: professionalAddress }, { tolerateFailure: true })
        // A DUI that declines sends nothing: watched a moment, in case it queues its mail.
        const watchBriefly = () => {
          const watch = linkedSignal(ctx.signal, ABSENCE_WINDOW_MS)
          return ctx.mocks.mssante.nextSubmission((m) => isDocumentMessageFor(m, usager, professionalAddress), watch.signal).finally(() => watch.dispose())
        }
        const submission = sent.ok ? await awaitDocumentMessage(ctx, usager, professionalAddress, '') : await watchBriefly()
        if (!submission) return
        const message = messageToJudge(ctx, submission)
        ctx.attach(message.evidenceId)
        const sightings = await insSentWithMessage(message, usager.ins.value)
        const insideDocuments = await insInsideDocuments(documentsSentByMail(message), { localId: usager.localId, ins: usager.ins.value, status: 'recuperee' })
        ctx.check([...insTransmissionIssues(usager.status, usager.ins.value, sightings), ...insideDocuments], 'le DUI a transmis par MSSanté l\'INS d\'une identité non qualifiée')
      },
    }),
  ],
})
