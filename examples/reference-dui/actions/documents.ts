import type { Action, Dui } from '../dui.ts'

/** Producing documents for an usager. */
export function documentActions(dui: Dui): Record<string, Action> {
  return {
    'document.produce': (params) => {
      const usager = dui.usagers.get(String(params['usager']))
      const document = dui.documents.produceN1(usager, String(params['title']), params['typeCode'] as { code: string; codeSystem: string; displayName: string })
      return { documentId: document.localId, uniqueId: document.id }
    },
    'document.revise': (params) => {
      const previous = dui.documents.get(String(params['documentId']))
      const document = dui.documents.revise(previous, dui.usagers.get(previous.usagerId), String(params['title'] ?? previous.title))
      return { documentId: document.localId, uniqueId: document.id, version: document.version }
    },
  }
}
