import { defineScenario, step } from '../../harness/index.ts'
import type { StepContext } from '../../harness/index.ts'
import { pscUserIdentityRule } from '../../harness/validate/identity/index.ts'
import type { PscProfessional } from '../../mocks/psc/index.ts'
import { educatorNonRpps, nurseRpps } from '../fixtures/professionals.ts'
import { loginThroughPsc } from './psc-login-checks.ts'

async function login(ctx: StepContext, professional: PscProfessional): Promise<void> {
  ctx.mocks.psc.planNextLogin(professional)
  const { login, authorization, token } = await loginThroughPsc(ctx)
  ctx.check([...authorization.meta.issues, ...token.meta.issues], 'la cinématique Pro Santé Connect n\'est pas conforme')
  if (!login.ok) return ctx.fail(`le DUI a refusé une authentification Pro Santé Connect correcte : ${login.error}`)
  ctx.check(pscUserIdentityRule.check({ expected: professional, result: login.result, evidence: token.evidenceId }), 'le DUI n\'identifie pas le professionnel authentifié')
}

/** Logging in with Pro Santé Connect (code + PKCE, eidas1), an RPPS nurse then a non-RPPS educator. */
export default defineScenario({
  id: 'psc-login-eidas1',
  title: 'Authentifier un professionnel par Pro Santé Connect (eIDAS 1)',
  description:
    'Le DUI ouvre une session par Pro Santé Connect : demande d\'autorisation (code + PKCE S256, scope ' +
    '« openid scope_all », acr_values « eidas1 », state, nonce), échange du code, contrôle de l\'id_token ' +
    'puis lecture des informations du professionnel (userinfo). Deux professionnels : une infirmière ' +
    'inscrite au RPPS et un éducateur spécialisé du médico-social sans RPPS.',
  section: 'PSC',
  verifies: [],
  steps: [
    step('le DUI authentifie une professionnelle RPPS par Pro Santé Connect', {
      id: 'login-rpps',
      verifies: ['PSC-001', 'PSC-003'],
      run: (ctx) => login(ctx, nurseRpps),
    }),
    step('le DUI authentifie un professionnel du médico-social sans RPPS', {
      id: 'login-medico-social',
      verifies: ['PSC-001', 'PSC-003'],
      run: (ctx) => login(ctx, educatorNonRpps),
    }),
  ],
})
