import type { Defect } from './defect.ts'

export const replaceWithoutRelation: Defect = {
  name: 'replace-without-relation',
  requirement: 'DMP-010',
  description: "envoie la nouvelle version d'un document sans déclarer qu'elle remplace la précédente",
  mistakes: { replaceWithoutRelation: true },
}
