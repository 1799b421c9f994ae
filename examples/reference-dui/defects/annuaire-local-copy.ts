import type { Defect } from './defect.ts'

export const annuaireLocalCopy: Defect = {
  name: 'annuaire-local-copy',
  requirement: 'ANN-001',
  description: 'télécharge tout l\'annuaire (recherche Practitioner sans critère) et y cherche le correspondant localement, au lieu d\'un appel unitaire',
  mistakes: { annuaireLocalCopy: true },
}
