import type { Action, Dui } from '../dui.ts'
import { loginWithPsc, type PscSession } from '../psc-login.ts'

/** Logging professionals in with Pro Santé Connect. */
export function pscActions(dui: Dui): Record<string, Action> {
  let current: PscSession | undefined
  return {
    'psc.login': async () => {
      if (!dui.endpoints.psc) throw new Error('adresse de Pro Santé Connect inconnue pour cette session')
      current = undefined
      const { acceptAnyAcr, pscWithoutPkce, pscIdentifyByRpps } = dui.mistakes
      current = await loginWithPsc(dui.endpoints.psc.issuer, { ...(acceptAnyAcr ? { acceptAnyAcr } : {}), ...(pscWithoutPkce ? { withoutPkce: true } : {}), ...(pscIdentifyByRpps ? { identifyByRpps: true } : {}) })
      return { ...current }
    },
  }
}
