import type { Defect } from './defect.ts'

export const insLegacyOid: Defect = {
  name: 'ins-legacy-oid',
  requirement: 'DMP-002',
  description: 'désigne le patient avec l\'ancien OID de l\'INS-C (1.2.250.1.213.1.4.2) au lieu de l\'OID d\'autorité INS',
  mistakes: { patientIdentifierOid: '1.2.250.1.213.1.4.2' },
}
