import { defineScenario, manualCheck, step } from '../../harness/index.ts'
import { identityStatusRule, insStoredRule } from '../../harness/validate/identity/index.ts'
import { dominiqueAdrtrois as usager } from '../fixtures/insi-identities.ts'
import { fetchInsThroughInsi } from './insi-checks.ts'

/** INSi lookup (CR 00) then qualification with a high-trust ID document: PROV → RECUP → QUAL. */
export default defineScenario({
  id: 'ins-fetch-and-qualify',
  title: 'Récupérer l\'INS par le téléservice INSi puis qualifier l\'identité',
  description:
    'Le DUI enregistre un usager avec une identité provisoire, interroge le téléservice INSi par ses traits ' +
    'stricts (réponse CR 00, naissance en Corse : département 2A), enregistre l\'INS et les traits renvoyés ' +
    'avec le statut « récupérée », puis qualifie l\'identité après contrôle d\'une pièce d\'identité à haut ' +
    'niveau de confiance.',
  section: 'INS',
  concurrent: true,
  verifies: [],
  steps: [
    step('le DUI enregistre l\'usager avec une identité provisoire', {
      id: 'register-usager',
      verifies: [],
      async run(ctx) {
        await ctx.trigger('identity.create', { usager: { localId: usager.localId, status: usager.status, traits: usager.traits } })
      },
    }),
    step('le DUI récupère l\'INS par l\'INSi et passe l\'identité au statut « récupérée »', {
      id: 'fetch-ins',
      // SEC-003: the INSi simulator accepts only a valid client certificate issued by the test CA.
      verifies: ['INS-001', 'INS-002', 'INS-004', 'SEC-003'],
      async run(ctx) {
        const { result, exchange } = await fetchInsThroughInsi(ctx, usager)
        const found = usager.insi.found
        if (exchange.meta.code !== '00' || !found) return ctx.fail(`l'INSi a répondu CR ${exchange.meta.code ?? '?'} au lieu de 00 : les traits envoyés ne sont pas ceux de l'usager`)
        const evidence = exchange.evidenceId
        ctx.check(
          [
            ...insStoredRule.check({ returned: found, result, evidence }),
            ...identityStatusRule.check({ previous: 'PROV', event: 'insi-found', reported: result['status'], path: 'result.status', evidence }),
          ],
          'l\'identité récupérée par l\'INSi n\'est pas enregistrée comme attendu',
        )
      },
    }),
    manualCheck('INS-007', 'le dossier de l\'usager ADRTROIS DOMINIQUE affiche les traits stricts et le matricule INS renvoyés par l\'INSi, à part du nom et du prénom utilisés'),
    step('le DUI qualifie l\'identité après contrôle d\'une pièce d\'identité à haut niveau de confiance', {
      id: 'qualify',
      verifies: ['INS-001'],
      async run(ctx) {
        const qualified = await ctx.trigger('identity.qualify', { usager: usager.localId, idDocument: { type: 'carte-identite', highTrust: true } })
        const result = qualified.ok ? qualified.result : {}
        ctx.check(identityStatusRule.check({ previous: 'RECUP', event: 'id-document-checked', reported: result['status'], path: 'result.status' }), 'le statut de l\'identité après qualification n\'est pas QUAL')
      },
    }),
    manualCheck('INS-006', 'le dossier de l\'usager ADRTROIS DOMINIQUE affiche le statut « identité qualifiée »'),
  ],
})
