import { defineScenario, step, type Issue } from '../../harness/index.ts'
import { DMP_STATUS } from '../../mocks/index.ts'
import { dmpArchiveUsager as usager } from '../fixtures/dmp-identities.ts'
import { registerAndProduce } from '../shared-steps.ts'
import { issuesOf, shareDocument } from './steps.ts'


/** Archives then deletes a document through XDS.b ITI-57 (TD3.3c/d). */
export default defineScenario({
  id: 'dmp-archive-delete',
  title: 'Archiver puis supprimer un document du DMP (ITI-57)',
  description:
    'Le DUI partage un document par XDS.b, l\'archive à la demande de l\'utilisateur (statut Archived, le ' +
    'document reste consultable), puis le supprime (statut Deleted). Archiver ne doit jamais supprimer.',
  section: 'DMP',
  concurrent: true,
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    shareDocument(usager, 'xds'),
    step('le DUI archive le document', {
      id: 'archive-document',
      verifies: ['DMP-012'],
      async run(ctx) {
        await ctx.trigger('dmp.archive', { documentId: ctx.state.get('documentId') }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic('aucune demande ITI-57 reçue par le DMP', (signal) => ctx.mocks.dmp.next('ITI-57', usager.ins.value, signal))
        ctx.check([...issuesOf(exchange), ...expectStatus(exchange.meta['updated'], DMP_STATUS.archived, exchange.evidenceId)], 'le document n\'est pas archivé comme demandé')
      },
    }),
    step('le DUI supprime le document', {
      id: 'delete-document',
      verifies: ['DMP-012'],
      async run(ctx) {
        await ctx.trigger('dmp.delete', { documentId: ctx.state.get('documentId') }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic('aucune demande ITI-57 reçue par le DMP', (signal) => ctx.mocks.dmp.next('ITI-57', usager.ins.value, signal))
        ctx.check([...issuesOf(exchange), ...expectStatus(exchange.meta['updated'], DMP_STATUS.deleted, exchange.evidenceId)], 'le document n\'est pas supprimé comme demandé')
      },
    }),
  ],
})

function expectStatus(updated: unknown, expected: string, evidence: string): Issue[] {
  const statuses = Array.isArray(updated) ? updated.map((change) => String((change as { status?: unknown }).status)) : []
  if (statuses.length === 1 && statuses[0] === expected) return []
  return [{ severity: 'error', code: 'value', rule: 'dmp/availability-status', requirement: 'DMP-012', message: `statut demandé au DMP : ${statuses.join(', ') || 'aucun'} ; attendu ${expected}`, evidence, location: { path: "Association/Slot[@name='NewStatus']" } }]
}
