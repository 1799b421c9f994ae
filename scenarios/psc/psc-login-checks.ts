import type { StepContext } from '../../harness/index.ts'
import type { ActionResult } from '../../harness/drivers/driver.ts'
import type { HttpExchange, PscMeta } from '../../mocks/index.ts'

/**
 * Asks the DUI to log the planned professional in and awaits the authorization request and the
 * token request it sends to Pro Santé Connect (both become evidence of the step).
 */
export async function loginThroughPsc(ctx: StepContext): Promise<{ login: ActionResult; authorization: HttpExchange<PscMeta>; token: HttpExchange<PscMeta> }> {
  const login = await ctx.trigger('psc.login', {}, { tolerateFailure: true })
  const failure = login.ok ? '' : ` (le DUI signale : ${login.error})`
  const authorization = await ctx.expectTraffic(`aucune demande d'autorisation reçue par Pro Santé Connect${failure}`, (signal) => ctx.mocks.psc.nextAuthorization(signal))
  const code = authorization.meta.code
  if (!code) return ctx.fail(`Pro Santé Connect n'a pas délivré de code d'autorisation (HTTP ${authorization.response.status})`, authorization.meta.issues)
  const token = await ctx.expectTraffic(`le DUI n'a pas échangé le code d'autorisation contre des jetons${failure}`, (signal) => ctx.mocks.psc.nextToken(code, signal))
  return { login, authorization, token }
}
