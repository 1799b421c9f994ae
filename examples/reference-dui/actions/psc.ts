import type { Action, Dui } from '../dui.ts'
import { loginWithPsc, type PscSession } from '../psc-login.ts'

/** Logging professionals in with Pro Santé Connect. */
export function pscActions(dui: Dui): Record<string, Action> {
  let current: PscSession | undefined
  return {
    'psc.login': async () => {
      if (!dui.endpoints.psc) throw new Error('adresse de Pro Santé Connect inconnue pour cette session')
      current = undefined
      current = await loginWithPsc(dui.endpoints.psc.issuer, { ...(dui.mistakes.acceptAnyAcr ? { acceptAnyAcr: true } : {}) })
      return { ...current }
    },
  }
}
