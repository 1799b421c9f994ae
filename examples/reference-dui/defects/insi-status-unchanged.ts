import type { Defect } from './defect.ts'

export const insiStatusUnchanged: Defect = {
  name: 'insi-status-unchanged',
  requirement: 'INS-001',
  description: 'ne fait pas évoluer le statut de l\'identité quand l\'INSi renvoie l\'INS : une identité provisoire le reste au lieu de passer au statut « récupérée »',
  mistakes: { statusUnchangedByInsi: true },
}
