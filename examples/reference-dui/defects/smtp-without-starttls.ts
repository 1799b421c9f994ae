import type { Defect } from './defect.ts'

export const smtpWithoutStarttls: Defect = {
  name: 'smtp-without-starttls',
  requirement: 'SEC-001',
  description: 'soumet ses messages sans STARTTLS : il s\'authentifie en clair auprès de l\'opérateur MSSanté',
  mistakes: { smtpWithoutStarttls: true },
}
