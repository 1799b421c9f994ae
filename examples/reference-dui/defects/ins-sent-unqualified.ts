import type { Defect } from './defect.ts'

export const insSentUnqualified: Defect = {
  name: 'ins-sent-unqualified',
  requirement: 'INS-005',
  description: 'transmet au DMP l\'INS d\'une identité récupérée (RECUP) : il vérifie la présence de l\'INS, pas le statut qualifié',
  mistakes: { insWithoutQualification: true },
}
