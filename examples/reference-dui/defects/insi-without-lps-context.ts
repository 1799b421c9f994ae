import type { Defect } from './defect.ts'

export const insiWithoutLpsContext: Defect = {
  name: 'insi-without-lps-context',
  requirement: 'INS-002',
  description: 'appelle l\'INSi sans l\'en-tête ContexteLPS qui identifie le logiciel (IDAM, version, instance, nom)',
  mistakes: { insiWithoutLpsContext: true },
}
