import { defineScenario, step } from '../../harness/index.ts'
import { dominiqueQualified as usager } from '../fixtures/identities.ts'
import { registerAndProduce } from '../shared-steps.ts'

/** Feeds the DMP (PDSm ITI-65) with a CDA N1 document for a usager whose identity is qualified. */
export default defineScenario({
  id: 'dmp-feed-n1-qualified',
  title: 'Alimenter le DMP avec un document CDA N1 pour un usager à l\'identité qualifiée',
  description:
    'Le DUI enregistre un usager dont l\'identité est qualifiée (INS vérifié), produit un document ' +
    'non structuré (CDA R2 N1 contenant un PDF) et le partage dans le DMP par une transaction PDSm ' +
    'ITI-65. Le banc vérifie la structure du Bundle, la désignation du patient par son INS, la taille ' +
    'et l\'empreinte du document et ses identifiants uniques.',
  section: 'DMP',
  concurrent: true,
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI partage le document dans le DMP par une transaction ITI-65 conforme', {
      id: 'share-iti65',
      // The CDA carried by the bundle goes through the CI-SIS rules (DOC-*) that apply to an N1 document.
      verifies: ['DMP-001', 'DMP-002', 'DMP-003', 'DMP-004', 'DMP-005', 'DMP-006', 'DOC-001', 'DOC-003', 'DOC-004', 'DOC-005', 'DOC-006', 'DOC-007'],
      async run(ctx) {
        const shared = await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get('documentId'), transport: 'pdsm' }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic(
          `aucune transaction ITI-65 reçue par le DMP pour l'INS ${usager.ins.value}${shared.ok ? '' : ` (le DUI signale : ${shared.error})`}`,
          (signal) => ctx.mocks.dmp.nextProvide(usager.ins.value, signal),
        )
        ctx.check(exchange.meta.issues, 'la transaction ITI-65 n\'est pas conforme')
        if (exchange.response.status !== 200) ctx.fail(`le DMP a refusé la transaction (HTTP ${exchange.response.status})`)
        if (!shared.ok) ctx.fail(`le DMP a accepté le document mais le DUI signale un échec : ${shared.error}`)
      },
    }),
  ],
})
