import { defineScenario, step } from '../../harness/index.ts'
import type { StepContext } from '../../harness/index.ts'
import { pscTokenRejectionRule, TOKEN_FAULT_LABELS, type TokenFault } from '../../harness/validate/identity/index.ts'
import { nurseRpps } from '../fixtures/professionals.ts'
import { loginThroughPsc } from './psc-login-checks.ts'

async function expectRejected(ctx: StepContext, fault: TokenFault): Promise<void> {
  ctx.mocks.psc.planNextLogin(nurseRpps, fault)
  const { login, token } = await loginThroughPsc(ctx)
  if (token.response.status !== 200) ctx.fail(`le simulateur n'a pas délivré le jeton fautif (HTTP ${token.response.status}) : la requête de jeton du DUI est refusée`, token.meta.issues)
  ctx.check(
    pscTokenRejectionRule.check({ fault, accepted: login.ok, ...(login.ok ? {} : { message: login.error }), evidence: token.evidenceId }),
    `le DUI a accepté un id_token portant ${TOKEN_FAULT_LABELS[fault]}`,
  )
}

/** Pro Santé Connect issues deliberately wrong id_tokens: the DUI must refuse each one. */
export default defineScenario({
  id: 'psc-rejects-bad-tokens',
  title: 'Refuser un id_token Pro Santé Connect non conforme (acr, audience, nonce)',
  description:
    'Le simulateur Pro Santé Connect délivre, à trois connexions successives, un id_token correctement ' +
    'signé mais dont l\'acr n\'est pas eidas1, puis dont l\'audience n\'est pas le client du DUI, puis dont ' +
    'le nonce n\'est pas celui de la demande. Le DUI doit refuser d\'ouvrir la session à chaque fois.',
  section: 'PSC',
  verifies: [],
  steps: [
    step('le DUI refuse un id_token dont l\'acr n\'est pas eidas1', { id: 'wrong-acr', verifies: ['PSC-002'], run: (ctx) => expectRejected(ctx, 'acr') }),
    step('le DUI refuse un id_token destiné à un autre client (audience)', { id: 'wrong-audience', verifies: ['PSC-002'], run: (ctx) => expectRejected(ctx, 'audience') }),
    step('le DUI refuse un id_token dont le nonce n\'est pas celui de la demande', { id: 'wrong-nonce', verifies: ['PSC-002'], run: (ctx) => expectRejected(ctx, 'nonce') }),
  ],
})
