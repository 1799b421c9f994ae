import type { Action, Dui } from '../dui.ts'
import { dmpActions } from './dmp.ts'
import { documentActions } from './documents.ts'
import { identityActions } from './identity.ts'
import { insiActions } from './insi.ts'
import { pscActions } from './psc.ts'
import { annuaireActions } from './annuaire.ts'
import { mssanteActions } from './mssante.ts'

/** Every action of the reference DUI, one module per national service or screen. */
export function allActions(dui: Dui): Record<string, Action> {
  return { ...identityActions(dui), ...insiActions(dui), ...pscActions(dui), ...annuaireActions(dui), ...documentActions(dui), ...dmpActions(dui), ...mssanteActions(dui) }
}
