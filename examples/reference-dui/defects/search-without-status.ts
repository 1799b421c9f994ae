import type { Defect } from './defect.ts'

export const searchWithoutStatus: Defect = {
  name: 'search-without-status',
  requirement: 'DMP-013',
  description: "recherche les documents du patient (ITI-67) sans le paramètre status obligatoire",
  mistakes: { searchWithoutStatus: true },
}
