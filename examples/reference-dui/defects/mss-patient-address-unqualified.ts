import type { Defect } from './defect.ts'

export const mssPatientAddressUnqualified: Defect = {
  name: 'mss-patient-address-unqualified',
  requirement: 'MSS-005',
  description: 'écrit à l\'adresse <INS>@patient.mssante.fr d\'un usager dont l\'identité n\'est que récupérée (RECUP) : il vérifie la présence de l\'INS, pas le statut qualifié',
  mistakes: { mssInsWithoutQualification: true },
}
