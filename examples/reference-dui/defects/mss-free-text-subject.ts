import type { Defect } from './defect.ts'

export const mssFreeTextSubject: Defect = {
  name: 'mss-free-text-subject',
  requirement: 'MSS-002',
  description: 'écrit un objet libre (« Document pour … ») au lieu de XDM/1.0/DDM+<libellé> <NOM> <prénom> <date de naissance>',
  mistakes: { mssFreeTextSubject: true },
}
