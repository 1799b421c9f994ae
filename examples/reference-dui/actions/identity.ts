import type { Action, Dui } from '../dui.ts'
import type { Usager } from '../usagers.ts'

/** Filing usagers and their identity (RNIV status, INS). */
export function identityActions(dui: Dui): Record<string, Action> {
  return {
    'identity.create': (params) => {
      const input = params['usager'] as { localId: string; ins?: Usager['ins']; status: Usager['status']; traits: Omit<Usager, 'localId' | 'ins' | 'status'> }
      dui.usagers.save({ localId: input.localId, status: input.status, ...(input.ins ? { ins: input.ins } : {}), ...input.traits })
      return { localId: input.localId }
    },
  }
}
