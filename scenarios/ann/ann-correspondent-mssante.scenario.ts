import { defineScenario, step, type Issue } from '../../harness/index.ts'
import { annuaireMailboxRule } from '../../harness/validate/identity/index.ts'
import { correspondentDurand as correspondent } from '../fixtures/correspondents.ts'

/** Looks a correspondent up in the Annuaire Santé and keeps her MSSanté address. */
export default defineScenario({
  id: 'ann-correspondent-mssante',
  title: 'Rechercher un correspondant dans l\'Annuaire Santé et retenir son adresse MSSanté',
  description:
    'Le DUI recherche un médecin correspondant par son nom dans l\'API FHIR de l\'Annuaire Santé. La fiche ' +
    'porte une adresse électronique ordinaire avant sa boîte aux lettres MSSanté : le DUI doit retenir ' +
    'la seconde, marquée comme BAL MSSanté.',
  section: 'ANN',
  concurrent: true,
  verifies: [],
  steps: [
    step('le DUI recherche le correspondant dans l\'Annuaire Santé et retient sa BAL MSSanté', {
      id: 'search-correspondent',
      verifies: ['ANN-001', 'ANN-002'],
      async run(ctx) {
        const found = await ctx.trigger('annuaire.search', { family: correspondent.family, given: correspondent.given }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic(
          `aucune recherche reçue par l'Annuaire Santé pour ${correspondent.family}${found.ok ? '' : ` (le DUI signale : ${found.error})`}`,
          (signal) => ctx.mocks.annuaire.nextSearch(correspondent.family, signal),
        )
        ctx.check((exchange.meta['issues'] ?? []) as readonly Issue[], 'l\'appel à l\'Annuaire Santé n\'est pas une recherche FHIR unitaire')
        if (!found.ok) return ctx.fail(`le DUI signale un échec de la recherche : ${found.error}`)
        ctx.check(
          annuaireMailboxRule.check({ expected: correspondent.mssanteAddress, otherEmails: correspondent.otherEmails, reported: found.result['mssanteAddress'], evidence: exchange.evidenceId }),
          'le DUI ne retient pas l\'adresse MSSanté du correspondant',
        )
      },
    }),
  ],
})
