import { defineScenario, step, type Issue } from '../../harness/index.ts'
import { dmpMaskUsager as usager } from '../fixtures/dmp-identities.ts'
import { registerAndProduce } from '../shared-steps.ts'
import { shareDocument } from './steps.ts'

const RULE = 'dmp/mask-codes'

/** Masks a document to professionals, then lifts the masking (TD3.3a/b through PDSm). */
export default defineScenario({
  id: 'dmp-mask-unmask',
  title: 'Masquer un document aux professionnels puis lever le masquage',
  description:
    'Le DUI partage un document puis, à la demande de l\'usager, le masque aux professionnels : le code ' +
    'MASQUE_PS doit être ajouté aux codes de confidentialité (N conservé), puis retiré quand le masquage est levé.',
  section: 'DMP',
  concurrent: true,
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    shareDocument(usager, 'pdsm'),
    step('le DUI masque le document aux professionnels (MASQUE_PS)', {
      id: 'mask-document',
      verifies: ['DMP-011'],
      async run(ctx) {
        await ctx.trigger('dmp.mask', { documentId: ctx.state.get('documentId') }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic('aucune mise à jour des métadonnées reçue par le DMP', (signal) => ctx.mocks.dmp.next('TD3.3', usager.ins.value, signal))
        ctx.check(expectCodes(exchange.meta['confidentialityCodes'], ['N', 'MASQUE_PS'], [], exchange.evidenceId), 'le document n\'est pas masqué aux professionnels comme attendu')
      },
    }),
    step('le DUI lève le masquage du document', {
      id: 'unmask-document',
      verifies: ['DMP-011'],
      async run(ctx) {
        await ctx.trigger('dmp.unmask', { documentId: ctx.state.get('documentId') }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic('aucune mise à jour des métadonnées reçue par le DMP', (signal) => ctx.mocks.dmp.next('TD3.3', usager.ins.value, signal))
        ctx.check(expectCodes(exchange.meta['confidentialityCodes'], ['N'], ['MASQUE_PS'], exchange.evidenceId), 'le masquage du document n\'est pas levé comme attendu')
      },
    }),
  ],
})

/** The codes the DMP recorded after the update must hold `present` and none of `absent`. */
function expectCodes(recorded: unknown, present: readonly string[], absent: readonly string[], evidence: string): Issue[] {
  const codes = Array.isArray(recorded) ? recorded.map(String) : []
  const shown = codes.length > 0 ? codes.join(', ') : 'aucun'
  return [
    ...present.filter((code) => !codes.includes(code)).map((code) => codeIssue(`le code de confidentialité ${code} est absent après la mise à jour (codes enregistrés : ${shown})`, evidence)),
    ...absent.filter((code) => codes.includes(code)).map((code) => codeIssue(`le code de confidentialité ${code} est encore présent après la mise à jour (codes enregistrés : ${shown})`, evidence)),
  ]
}

function codeIssue(message: string, evidence: string): Issue {
  return { severity: 'error', code: 'value', rule: RULE, requirement: 'DMP-011', message, evidence, location: { path: 'DocumentReference.securityLabel' } }
}
