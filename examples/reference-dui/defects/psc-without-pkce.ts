import type { Defect } from './defect.ts'

export const pscWithoutPkce: Defect = {
  name: 'psc-without-pkce',
  requirement: 'PSC-001',
  description: 's\'authentifie par Pro Santé Connect sans PKCE : ni code_challenge dans la demande d\'autorisation, ni code_verifier à l\'échange du code',
  mistakes: { pscWithoutPkce: true },
}
