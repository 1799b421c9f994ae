import type { Defect } from './defect.ts'

export const cdaBodyWithoutB64: Defect = {
  name: 'cda-body-without-b64',
  requirement: 'DOC-006',
  description: 'écrit le corps PDF d\'un document N1 sans representation="B64"',
  mistakes: { cdaBodyWithoutRepresentation: true },
}
