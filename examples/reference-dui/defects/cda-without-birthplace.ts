import type { Defect } from './defect.ts'

export const cdaWithoutBirthplace: Defect = {
  name: 'cda-without-birthplace',
  requirement: 'DOC-007',
  description: 'omet le lieu de naissance (code COG) d\'un usager identifié par son INS dans le CDA',
  mistakes: { cdaWithoutBirthPlace: true },
}
