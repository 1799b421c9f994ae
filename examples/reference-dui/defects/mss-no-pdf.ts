import type { Defect } from './defect.ts'

export const mssNoPdf: Defect = {
  name: 'mss-no-pdf',
  requirement: 'MSS-001',
  description: 'envoie l\'archive IHE_XDM.zip sans joindre les mêmes documents en PDF',
  mistakes: { mssOmitPdf: true },
}
