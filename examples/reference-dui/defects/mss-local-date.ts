import type { Defect } from './defect.ts'

export const mssLocalDate: Defect = {
  name: 'mss-local-date',
  requirement: 'MSS-012',
  description: 'écrit l\'en-tête Date au format français (JJ/MM/AAAA HH:MM:SS) au lieu du format RFC 5322',
  mistakes: { mssLocalDate: true },
}
