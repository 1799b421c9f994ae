import type { Defect } from './defect.ts'

export const revisionNewSetId: Defect = {
  name: 'revision-new-set-id',
  requirement: 'DOC-009',
  description: 'donne un nouveau setId à la nouvelle version d\'un document au lieu de garder celui de la version remplacée',
  mistakes: { revisionNewSetId: true },
}
