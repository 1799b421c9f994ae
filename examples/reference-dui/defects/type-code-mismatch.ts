import type { Defect } from './defect.ts'

export const typeCodeMismatch: Defect = {
  name: 'type-code-mismatch',
  requirement: 'DMP-006',
  description: 'déclare dans les métadonnées un typeCode (60591-5, synthèse médicale) différent du code écrit dans le document CDA',
  mistakes: { metadataTypeCode: '60591-5' },
}
