import type { Defect } from './defect.ts'

export const annuaireFirstEmail: Defect = {
  name: 'annuaire-first-email',
  requirement: 'ANN-002',
  description: 'retient la première adresse électronique de l\'Annuaire comme adresse MSSanté du correspondant, même hors MSSanté',
  mistakes: { firstEmailAsMssante: true },
}
