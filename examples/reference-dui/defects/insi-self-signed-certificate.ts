import type { Defect } from './defect.ts'

export const insiSelfSignedCertificate: Defect = {
  name: 'insi-self-signed-certificate',
  requirement: 'SEC-003',
  description: 'présente à l\'INSi un certificat client auto-signé de développement au lieu du certificat d\'organisation émis par l\'autorité de confiance',
  mistakes: { selfSignedInsiCertificate: true },
}
