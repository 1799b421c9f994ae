import type { Defect } from './defect.ts'

export const pscAcceptsAnyAcr: Defect = {
  name: 'psc-accepts-any-acr',
  requirement: 'PSC-002',
  description: 'accepte un id_token Pro Santé Connect dont l\'acr n\'est pas eidas1',
  mistakes: { acceptAnyAcr: true },
}
