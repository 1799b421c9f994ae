import type { Defect } from './defect.ts'

export const batchBundle: Defect = {
  name: 'batch-bundle',
  requirement: 'DMP-001',
  description: 'envoie le lot ITI-65 comme Bundle de type « batch » au lieu de « transaction »',
  mistakes: { bundleType: 'batch' },
}
