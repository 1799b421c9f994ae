import { defineScenario, step } from '../../harness/index.ts'
import { dmpXdsUsager as usager } from '../fixtures/dmp-identities.ts'
import { registerAndProduce } from '../shared-steps.ts'
import { issuesOf } from './steps.ts'

/** Feeds the DMP through its SOAP interface: IHE XDS.b ITI-41 with MTOM/XOP and the VIHF token. */
export default defineScenario({
  id: 'dmp-feed-xds',
  title: 'Alimenter le DMP par les services XDS.b (ITI-41, SOAP 1.2 MTOM)',
  description:
    'Le DUI partage un document CDA N1 dans le DMP par la transaction ITI-41 (Provide and Register ' +
    'Document Set-b) : enveloppe SOAP 1.2 en MTOM/XOP, métadonnées ebRIM, jeton VIHF dans l\'en-tête ' +
    'WS-Security. Le banc applique aux métadonnées les mêmes règles qu\'à la voie FHIR.',
  section: 'DMP',
  concurrent: true,
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI envoie le document au DMP par une transaction ITI-41 conforme', {
      id: 'share-iti41',
      verifies: ['DMP-002', 'DMP-003', 'DMP-004', 'DMP-005', 'DMP-006', 'DMP-008', 'DMP-009', 'DOC-001', 'DOC-003', 'DOC-004', 'DOC-005', 'DOC-006', 'DOC-007'],
      async run(ctx) {
        const shared = await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get('documentId'), transport: 'xds' }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic(
          `aucune transaction ITI-41 reçue par le DMP pour l'INS ${usager.ins.value}${shared.ok ? '' : ` (le DUI signale : ${shared.error})`}`,
          (signal) => ctx.mocks.dmp.next('ITI-41', usager.ins.value, signal),
        )
        ctx.check(issuesOf(exchange), 'la transaction ITI-41 n\'est pas conforme')
        if (exchange.meta['accepted'] !== true) ctx.fail('le DMP a refusé la transaction ITI-41')
        if (!shared.ok) ctx.fail(`le DMP a accepté le document mais le DUI signale un échec : ${shared.error}`)
      },
    }),
  ],
})
