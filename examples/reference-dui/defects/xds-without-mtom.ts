import type { Defect } from './defect.ts'

export const xdsWithoutMtom: Defect = {
  name: 'xds-without-mtom',
  requirement: 'DMP-008',
  description: "envoie ITI-41 en SOAP simple avec le document en base64 dans l'enveloppe au lieu de MTOM/XOP",
  mistakes: { xdsWithoutMtom: true },
}
