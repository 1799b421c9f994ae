import type { Issue, StepContext } from '../../harness/index.ts'
import { INSI_FAULTS, type InsiMeta } from '../../mocks/insi/index.ts'
import type { HttpExchange } from '../../mocks/index.ts'
import { traitDifferences } from '../../harness/validate/identity/index.ts'
import type { UsagerToIdentify } from '../fixtures/insi-identities.ts'

/**
 * Asks the DUI to fetch the usager's INS and awaits its INSi call: the request must be a
 * conforming traits search (INS-002) using the strict traits, never used names.
 */
export async function fetchInsThroughInsi(ctx: StepContext, usager: UsagerToIdentify): Promise<{ result: Readonly<Record<string, unknown>>; exchange: HttpExchange<InsiMeta>; issues: Issue[] }> {
  const fetched = await ctx.trigger('identity.fetch-ins', { usager: usager.localId }, { tolerateFailure: true })
  const exchange = await ctx.expectTraffic(
    `aucun appel au téléservice INSi pour ${usager.traits.birthFamilyName}${fetched.ok ? '' : ` (le DUI signale : ${fetched.error})`}`,
    (signal) => ctx.mocks.insi.nextSearch(usager.traits.birthFamilyName, signal),
  )
  const meta = exchange.meta
  const issues: Issue[] = [...meta.issues]
  if (meta.traits) {
    const { birthFamilyName, firstBirthGivenName, sex, birthDate } = usager.traits
    issues.push(
      ...traitDifferences({ birthFamilyName, firstBirthGivenName, sex, birthDate }, { birthFamilyName: meta.traits.birthFamilyName, firstBirthGivenName: meta.traits.firstGivenName, sex: meta.traits.sex, birthDate: meta.traits.birthDate }, 'la requête INSi', { rule: 'identity/insi-strict-traits', requirement: 'INS-002', evidence: exchange.evidenceId }, (name) => `/Envelope/Body/RECSANSVITALE/${name}`),
    )
  }
  ctx.check(issues, 'la requête INSi n\'est pas conforme')
  if (meta.fault) ctx.fail(`l'INSi a répondu par l'erreur ${INSI_FAULTS[meta.fault].subcode} : ${INSI_FAULTS[meta.fault].reason}`)
  if (!fetched.ok) ctx.fail(`le DUI signale un échec de la récupération de l'INS : ${fetched.error}`)
  return { result: fetched.result, exchange, issues }
}
