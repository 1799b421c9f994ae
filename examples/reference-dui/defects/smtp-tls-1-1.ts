import type { Defect } from './defect.ts'

export const smtpTls11: Defect = {
  name: 'smtp-tls-1-1',
  requirement: 'SEC-002',
  description: 'client SMTP limité à TLS 1.1 (réglage hérité) : il ne négocie pas TLS 1.2',
  mistakes: { smtpTls11: true },
}
