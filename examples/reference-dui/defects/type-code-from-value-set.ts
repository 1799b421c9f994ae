import type { Defect } from './defect.ts'

export const typeCodeFromValueSet: Defect = {
  name: 'type-code-from-value-set',
  requirement: 'DOC-005',
  description: 'écrit le type de document choisi par l\'utilisateur avec l\'OID du jeu de valeurs JDV_J07 (1.2.250.1.213.1.1.5.471) comme système de codage, au lieu de LOINC',
  mistakes: { typeCodeSystemFromValueSet: true },
}
