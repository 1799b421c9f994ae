import type { Defect } from './defect.ts'

export const localDocumentId: Defect = {
  name: 'local-document-id',
  requirement: 'DMP-004',
  description: 'utilise le numéro local du document (DOC-…) comme identifiant unique au lieu d\'un OID',
  mistakes: { localDocumentUniqueId: true },
}
