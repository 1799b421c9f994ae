import type { Defect } from './defect.ts'

export const exitLetterHospitalCode: Defect = {
  name: 'exit-letter-hospital-code',
  requirement: 'DOC-013',
  description: 'type la lettre de liaison de sortie de l\'ESMS 11490-0 (sortie d\'un établissement de soins) au lieu de 83981-1 (sortie d\'une structure sociale ou médico-sociale)',
  mistakes: { exitLetterHospitalCode: true },
}
