import type { Defect } from './defect.ts'

export const mssMessageIdWithoutDomain: Defect = {
  name: 'mss-message-id-without-domain',
  requirement: 'MSS-003',
  description: 'compose le Message-ID avec le numéro local du document, sans @domaine (<DOC-0001.1700000000000>)',
  mistakes: { mssMessageIdWithoutDomain: true },
}
