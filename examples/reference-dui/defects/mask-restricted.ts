import type { Defect } from './defect.ts'

export const maskRestricted: Defect = {
  name: 'mask-restricted',
  requirement: 'DMP-011',
  description: "masque un document avec le code « R » (restreint) au lieu de MASQUE_PS",
  mistakes: { maskCode: 'R' },
}
