import type { Action, Dui } from '../dui.ts'
import { dmpActions } from './dmp.ts'
import { documentActions } from './documents.ts'
import { identityActions } from './identity.ts'

/** Every action of the reference DUI, one module per national service or screen. */
export function allActions(dui: Dui): Record<string, Action> {
  return { ...identityActions(dui), ...documentActions(dui), ...dmpActions(dui) }
}
