import { AnnuaireClient } from '../annuaire-client.ts'
import type { Action, Dui } from '../dui.ts'

/** Looking correspondents up in the Annuaire Santé. */
export function annuaireActions(dui: Dui): Record<string, Action> {
  return {
    'annuaire.search': async (params) => {
      if (!dui.endpoints.annuaire) throw new Error('adresse de l\'Annuaire Santé inconnue pour cette session')
      const client = new AnnuaireClient(dui.endpoints.annuaire, { ...(dui.mistakes.firstEmailAsMssante ? { firstEmailAsMssante: true } : {}), ...(dui.mistakes.annuaireLocalCopy ? { localCopy: true } : {}) })
      const found = await client.searchByName(String(params['family'] ?? ''), typeof params['given'] === 'string' ? params['given'] : undefined)
      if (found.length === 0) throw new Error('aucun correspondant trouvé dans l\'Annuaire Santé')
      if (found.length > 1) return { candidates: found }
      return { ...found[0] }
    },
  }
}
