import { defineScenario, step } from '../../harness/index.ts'
import { dmpSearchUsager as usager } from '../fixtures/dmp-identities.ts'
import { registerAndProduce } from '../shared-steps.ts'
import { issuesOf, shareDocument } from './steps.ts'

/** Lists the patient's active documents (TD3.1 through PDSm ITI-67). */
export default defineScenario({
  id: 'dmp-search',
  title: 'Rechercher les documents actifs d\'un usager dans le DMP',
  description: 'Après avoir partagé un document, le DUI liste les documents de l\'usager dans le DMP : la recherche ITI-67 porte l\'identifiant du patient et le statut recherché, et le document partagé est retrouvé.',
  section: 'DMP',
  concurrent: true,
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    shareDocument(usager, 'pdsm'),
    step('le DUI recherche les documents actifs de l\'usager (ITI-67)', {
      id: 'search-documents',
      verifies: ['DMP-013'],
      async run(ctx) {
        const result = await ctx.trigger('dmp.search', { usager: usager.localId }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic('aucune recherche ITI-67 reçue par le DMP', (signal) => ctx.mocks.dmp.next('ITI-67', usager.ins.value, signal))
        ctx.check(issuesOf(exchange), 'la recherche ITI-67 n\'est pas conforme')
        const found = result.ok ? ((result.result['documents'] ?? []) as { uniqueId?: string }[]) : []
        if (!found.some((document) => document.uniqueId === ctx.state.get('documentId:uniqueId'))) ctx.fail('le document partagé n\'apparaît pas dans la liste rendue par le DUI')
      },
    }),
  ],
})
