import { DOCUMENT_MODELS, findModel } from '../cda/models.ts'
import type { Action, Dui } from '../dui.ts'

/** Producing documents for an usager. */
export function documentActions(dui: Dui): Record<string, Action> {
  return {
    'document.produce': (params) => {
      const usager = dui.usagers.get(String(params['usager']))
      if (params['model'] === undefined) {
        const document = dui.documents.produceN1(usager, String(params['title']), params['typeCode'] as { code: string; codeSystem: string; displayName: string })
        return { documentId: document.localId, uniqueId: document.id }
      }
      const model = findModel(String(params['model']))
      if (!model) throw new Error(`modèle de document inconnu : ${String(params['model'])} (modèles connus : ${DOCUMENT_MODELS.map((m) => m.name).join(', ')})`)
      if (params['format'] !== undefined && params['format'] !== model.format) throw new Error(`le modèle ${model.name} est produit au format ${model.format}, pas ${String(params['format'])}`)
      const document = dui.documents.produceModel(usager, model)
      return { documentId: document.localId, uniqueId: document.id }
    },
    'document.revise': (params) => {
      const previous = dui.documents.get(String(params['documentId']))
      const document = dui.documents.revise(previous, dui.usagers.get(previous.usagerId), String(params['title'] ?? previous.title))
      return { documentId: document.localId, uniqueId: document.id, version: document.version }
    },
  }
}
