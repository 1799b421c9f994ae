import type { Defect } from './defect.ts'

export const mssNoMdn: Defect = {
  name: 'mss-no-mdn',
  requirement: 'MSS-008',
  description: 'ignore Disposition-Notification-To : n\'envoie pas l\'accusé de traitement demandé',
  mistakes: { mssIgnoreMdnRequest: true },
}
