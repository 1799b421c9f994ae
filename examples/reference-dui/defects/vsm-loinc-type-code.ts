import type { Defect } from './defect.ts'

export const vsmLoincTypeCode: Defect = {
  name: 'vsm-loinc-type-code',
  requirement: 'DOC-012',
  description: 'type le VSM avec le code LOINC 60591-5 (synthèse médicale) au lieu de SYNTH (TRE_A05) qu\'impose le volet',
  mistakes: { vsmLoincTypeCode: true },
}
