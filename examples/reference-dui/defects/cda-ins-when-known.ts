import type { Defect } from './defect.ts'

export const cdaInsWhenKnown: Defect = {
  name: 'cda-ins-when-known',
  requirement: 'DOC-008',
  description: 'écrit dans l\'en-tête CDA (patientRole/id) l\'INS d\'un usager dont l\'identité n\'est que récupérée (RECUP) : le rédacteur CDA vérifie la présence de l\'INS, pas le statut qualifié (les métadonnées et en-têtes, eux, le vérifient)',
  mistakes: { cdaInsWhenKnown: true },
}
