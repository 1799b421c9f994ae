import type { Defect } from './defect.ts'

export const noVihf: Defect = {
  name: 'no-vihf',
  requirement: 'DMP-009',
  description: "appelle les services XDS.b du DMP sans jeton VIHF dans l'en-tête WS-Security",
  mistakes: { omitVihf: true },
}
