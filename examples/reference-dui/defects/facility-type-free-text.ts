import type { Defect } from './defect.ts'

export const facilityTypeFreeText: Defect = {
  name: 'facility-type-free-text',
  requirement: 'DMP-005',
  description: "écrit « EHPAD » en texte libre comme secteur d'activité (healthcareFacilityTypeCode) au lieu du code TRE_R02 SA17",
  mistakes: { facilityTypeCode: 'EHPAD' },
}
