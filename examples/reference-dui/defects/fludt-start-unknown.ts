import type { Defect } from './defect.ts'

export const fludtStartUnknown: Defect = {
  name: 'fludt-start-unknown',
  requirement: 'DOC-011',
  description: 'écrit dans la FLUDT le début du transfert comme inconnu (serviceEvent/effectiveTime/low nullFlavor="UNK") au lieu de son heure',
  mistakes: { fludtTransferStartUnknown: true },
}
