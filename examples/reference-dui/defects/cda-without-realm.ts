import type { Defect } from './defect.ts'

export const cdaWithoutRealm: Defect = {
  name: 'cda-without-realm',
  requirement: 'DOC-004',
  description: 'omet le realmCode (FR) dans l\'en-tête des documents CDA',
  mistakes: { cdaWithoutRealm: true },
}
