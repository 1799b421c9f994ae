import { DmpClient } from '../dmp-client.ts'
import type { Action, Dui } from '../dui.ts'
import { buildProvideBundle } from '../pdsm-bundle.ts'

/** Sharing documents in the DMP. */
export function dmpActions(dui: Dui): Record<string, Action> {
  return {
    'dmp.share': async (params) => {
      const document = dui.documents.get(String(params['documentId']))
      const bundle = buildProvideBundle(document, dui.usagers.get(document.usagerId), dui.mistakes)
      const outcome = await new DmpClient(dui.endpoints.dmp.fhir).provide(bundle)
      if (!outcome.ok) throw new Error(outcome.error)
      return { locations: outcome.locations }
    },
  }
}
