import type { Defect } from './defect.ts'

export const ipsWithoutIpsTemplate: Defect = {
  name: 'ips-without-ips-template',
  requirement: 'DOC-014',
  description: 'écrit l\'IPS-FR au format DLU avec le seul templateId français 1.2.250.1.213.1.1.1.51, sans celui de l\'IPS (2.16.840.1.113883.10.22.1.1)',
  mistakes: { ipsWithoutIpsTemplate: true },
}
