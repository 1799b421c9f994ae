import { registerUsager } from '../shared-steps.ts'
import { defineScenario, manualCheck, step } from '../../harness/index.ts'
import type { Issue } from '../../harness/index.ts'
import { inboundDocumentMessage } from '../fixtures/inbound-document.ts'
import { professionalAddress } from '../fixtures/mss-addresses.ts'
import { mssReceiveTwin as twin, mssReceiveUsager as usager } from '../fixtures/mss-identities.ts'
import { awaitSubmission, messageIssues, messageToJudge, transportIssues } from './mss-steps.ts'

interface FetchedEntry {
  readonly messageId?: string
  readonly kind?: string
  readonly usager?: string
}

/** Receives a document from a professional, files it, and acknowledges it (MDN). */
export default defineScenario({
  id: 'mss-receive-document',
  title: 'Recevoir un document d\'un professionnel, le classer et en accuser le traitement',
  description:
    'Le banc dépose dans la boîte MSSanté du DUI un message d\'un professionnel (IHE_XDM.zip et PDF) ' +
    'qui demande un accusé (Disposition-Notification-To). Le DUI relève sa boîte par IMAP (STARTTLS), ' +
    'classe le document dans le dossier de l\'usager désigné par l\'INS de METADATA.XML et renvoie un ' +
    'accusé de traitement conforme à la RFC 8098. L\'usager a une sœur jumelle, enregistrée avant elle ' +
    '(même nom et même date de naissance, autre INS) : seul l\'INS permet de classer sans erreur.',
  section: 'MSS',
  verifies: [],
  steps: [
    step('le DUI enregistre la sœur jumelle de l\'usager (même nom de naissance, même date de naissance, autre INS)', {
      id: 'register-twin',
      verifies: [],
      async run(ctx) {
        await ctx.trigger('identity.create', { usager: twin })
      },
    }),
    registerUsager(usager),
    step('le DUI relève sa boîte et classe le document reçu dans le dossier de l\'usager', {
      id: 'fetch-and-file',
      verifies: ['MSS-010'],
      async run(ctx) {
        const inbound = await inboundDocumentMessage(usager, professionalAddress, ctx.mocks.mssante.duiAddress, { requestMdn: true })
        const delivered = ctx.mocks.mssante.mailbox.deliver(inbound.raw, 'document d\'un professionnel')
        ctx.attach(delivered.evidenceId)
        ctx.state.set('inboundMessageId', inbound.messageId)
        ctx.state.set('inboundEvidence', delivered.evidenceId)
        const fetched = await ctx.trigger('mssante.fetch', {}, { tolerateFailure: true })
        await ctx.expectTraffic(`le DUI n'a pas lu le message ${inbound.messageId} par IMAP${fetched.ok ? '' : ` (le DUI signale : ${fetched.error})`}`, (signal) =>
          ctx.mocks.mssante.mailbox.fetches.next((f) => f.messageId === inbound.messageId, signal),
        )
        if (!fetched.ok) return ctx.fail(`le DUI a lu le message mais signale un échec : ${fetched.error}`)
        const entries = (Array.isArray(fetched.result['messages']) ? fetched.result['messages'] : []) as FetchedEntry[]
        const filed = entries.find((entry) => entry.messageId === inbound.messageId)
        const issues: Issue[] = []
        if (!filed || filed.kind !== 'document') issues.push({ severity: 'error', code: 'not-found', rule: 'mss/received-document-filed', requirement: 'MSS-010', message: `le DUI ne déclare pas avoir classé le document du message ${inbound.messageId}` })
        else if (filed.usager !== usager.localId) issues.push({ severity: 'error', code: 'invariant', rule: 'mss/received-document-filed', requirement: 'MSS-010', message: `le document a été classé chez l'usager ${filed.usager ?? '(aucun)'} au lieu de ${usager.localId} (INS ${usager.ins.value})` })
        ctx.check(issues, 'le document reçu n\'a pas été classé dans le bon dossier')
      },
    }),
    manualCheck('MSS-016', 'la liste des messages reçus présente, sur le message de Dr Claire DUPONT, le type, la date, l\'usager MSS-TROIS CAMILLE et l\'auteur du document joint'),
    step('le DUI renvoie l\'accusé de traitement demandé (MDN RFC 8098)', {
      id: 'send-mdn',
      verifies: ['MSS-008'],
      async run(ctx) {
        const original = String(ctx.state.get('inboundMessageId'))
        // The message that asked for the MDN is the evidence of what was expected.
        ctx.attach(String(ctx.state.get('inboundEvidence')))
        const mdn = messageToJudge(
          ctx,
          await awaitSubmission(ctx, `aucun accusé de traitement (MDN) reçu pour le message ${original} qui le demandait (Disposition-Notification-To)`, (m) => m.analysis.kind === 'mdn' && m.analysis.originalMessageId === original),
        )
        ctx.check([...transportIssues(mdn), ...messageIssues(mdn)], 'l\'accusé de traitement n\'est pas conforme')
      },
    }),
  ],
})
