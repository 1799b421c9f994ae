import type { Defect } from './defect.ts'

export const cdaWithDoctype: Defect = {
  name: 'cda-with-doctype',
  requirement: 'DOC-003',
  description: 'commence les documents CDA par une déclaration DOCTYPE (interdite : XXE)',
  mistakes: { cdaWithDoctype: true },
}
