import type { Defect } from './defect.ts'

export const hashOfPdf: Defect = {
  name: 'hash-of-pdf',
  requirement: 'DMP-003',
  description: 'déclare la taille et l\'empreinte du PDF encapsulé au lieu de celles du document CDA envoyé',
  mistakes: { hashEmbeddedPdf: true },
}
