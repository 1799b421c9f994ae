import { defineScenario, step } from '../../harness/index.ts'
import { insiNoMatchRule } from '../../harness/validate/identity/index.ts'
import { camilleHomonyme, paulSansins, type UsagerToIdentify } from '../fixtures/insi-identities.ts'
import type { StepContext } from '../../harness/index.ts'
import { fetchInsThroughInsi } from './insi-checks.ts'

async function expectNoMatch(ctx: StepContext, usager: UsagerToIdentify, code: '01' | '02'): Promise<void> {
  const { result, exchange } = await fetchInsThroughInsi(ctx, usager)
  if (exchange.meta.code !== code) ctx.fail(`l'INSi a répondu CR ${exchange.meta.code ?? '?'} au lieu de ${code} : les traits envoyés ne sont pas ceux de l'usager`)
  ctx.check(insiNoMatchRule.check({ code, previous: 'PROV', result, evidence: exchange.evidenceId }), `le DUI ne traite pas correctement le code retour INSi ${code}`)
}

/** The INSi finds nobody (CR 01) or several people (CR 02): no INS, status unchanged, user told which. */
export default defineScenario({
  id: 'ins-insi-no-match',
  title: 'Traiter les réponses INSi « aucune identité » (01) et « plusieurs identités » (02)',
  description:
    'Le DUI interroge l\'INSi pour deux usagers : l\'un inconnu (CR 01), l\'autre dont les traits désignent ' +
    'plusieurs personnes (CR 02). Dans les deux cas il ne doit attribuer aucun INS, laisser l\'identité ' +
    'provisoire et dire à l\'utilisateur lequel des deux cas se présente.',
  section: 'INS',
  concurrent: true,
  verifies: [],
  steps: [
    step('le DUI enregistre deux usagers avec une identité provisoire', {
      id: 'register-usagers',
      verifies: [],
      async run(ctx) {
        for (const usager of [paulSansins, camilleHomonyme]) await ctx.trigger('identity.create', { usager: { localId: usager.localId, status: usager.status, traits: usager.traits } })
      },
    }),
    step('le DUI signale qu\'aucune identité n\'est trouvée (CR 01) sans attribuer d\'INS', {
      id: 'cr01-not-found',
      verifies: ['INS-002', 'INS-003'],
      run: (ctx) => expectNoMatch(ctx, paulSansins, '01'),
    }),
    step('le DUI signale que plusieurs identités sont trouvées (CR 02) sans attribuer d\'INS', {
      id: 'cr02-multiple',
      verifies: ['INS-003'],
      run: (ctx) => expectNoMatch(ctx, camilleHomonyme, '02'),
    }),
  ],
})
