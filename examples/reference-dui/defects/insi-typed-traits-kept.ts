import type { Defect } from './defect.ts'

export const insiTypedTraitsKept: Defect = {
  name: 'insi-typed-traits-kept',
  requirement: 'INS-004',
  description: 'enregistre l\'INS renvoyé par l\'INSi mais garde les traits saisis à l\'accueil (lieu de naissance, prénoms) au lieu des traits stricts renvoyés',
  mistakes: { keepTypedTraits: true },
}
