import type { Defect } from './defect.ts'

export const mssInsHeaderMatricule: Defect = {
  name: 'mss-ins-header-matricule',
  requirement: 'MSS-009',
  description: 'écrit le matricule INS dans l\'en-tête X-MSS-INS au lieu de O ou N',
  mistakes: { mssInsHeaderWithMatricule: true },
}
