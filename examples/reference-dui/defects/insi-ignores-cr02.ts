import type { Defect } from './defect.ts'

export const insiIgnoresCr02: Defect = {
  name: 'insi-ignores-cr02',
  requirement: 'INS-003',
  description: 'ignore le code retour INSi 02 (plusieurs identités) et annonce « aucune identité trouvée » au lieu de demander des traits plus précis',
  mistakes: { insiMultipleAsNotFound: true },
}
