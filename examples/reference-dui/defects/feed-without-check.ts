import type { Defect } from './defect.ts'

export const feedWithoutCheck: Defect = {
  name: 'feed-without-check',
  requirement: 'DMP-014',
  description: "alimente le DMP sans vérifier (TD0.2) que l'usager en a un",
  mistakes: { skipDmpCheck: true },
}
