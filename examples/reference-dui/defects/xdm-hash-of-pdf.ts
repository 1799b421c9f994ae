import type { Defect } from './defect.ts'

export const xdmHashOfPdf: Defect = {
  name: 'xdm-hash-of-pdf',
  requirement: 'MSS-007',
  description: 'déclare dans METADATA.XML la taille et l\'empreinte du PDF encapsulé au lieu de celles du document CDA de l\'archive',
  mistakes: { xdmHashOfPdf: true },
}
