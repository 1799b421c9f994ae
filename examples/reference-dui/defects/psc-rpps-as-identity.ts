import type { Defect } from './defect.ts'

export const pscRppsAsIdentity: Defect = {
  name: 'psc-rpps-as-identity',
  requirement: 'PSC-003',
  description: 'identifie le professionnel par son numéro RPPS (otherIds) au lieu de l\'identifiant national SubjectNameID : un professionnel du médico-social sans RPPS n\'est pas reconnu',
  mistakes: { pscIdentifyByRpps: true },
}
