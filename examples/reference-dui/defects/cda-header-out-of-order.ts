import type { Defect } from './defect.ts'

export const cdaHeaderOutOfOrder: Defect = {
  name: 'cda-header-out-of-order',
  requirement: 'DOC-001',
  description: 'écrit languageCode avant confidentialityCode : l\'en-tête ne suit plus l\'ordre du schéma CDA R2 (seul le kit officiel le voit)',
  mistakes: { cdaLanguageBeforeConfidentiality: true },
}
