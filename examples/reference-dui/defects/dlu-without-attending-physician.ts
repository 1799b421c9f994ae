import type { Defect } from './defect.ts'

export const dluWithoutAttendingPhysician: Defect = {
  name: 'dlu-without-attending-physician',
  requirement: 'DOC-010',
  description: 'produit le DLU sans le médecin traitant du résident (participant INF de fonction PCP)',
  mistakes: { dluWithoutAttendingPhysician: true },
}
