/**
 * The four RNIV identity statuses (FR Core `fr-core-cs-identity-status`, brief §5.2): only a
 * qualified identity (QUAL) allows using and transmitting the INS.
 */
export const IDENTITY_STATUSES = {
  PROV: 'identité provisoire',
  RECUP: 'identité récupérée (téléservice INSi, pièce d\'identité non contrôlée)',
  VALI: 'identité validée (pièce d\'identité à haut niveau de confiance, sans INSi)',
  QUAL: 'identité qualifiée (INSi et pièce d\'identité à haut niveau de confiance)',
} as const

export type IdentityStatus = keyof typeof IDENTITY_STATUSES

export function isIdentityStatus(value: unknown): value is IdentityStatus {
  return typeof value === 'string' && Object.hasOwn(IDENTITY_STATUSES, value)
}

/** What can happen to an identity: the INSi returned its INS, or an agent checked a high-trust ID document. */
export type IdentityEvent = 'insi-found' | 'id-document-checked'

/**
 * The status an identity must have after an event (RNIV): the two independent proofs are the
 * INSi answer and the high-trust ID document; QUAL needs both.
 */
export function statusAfter(previous: IdentityStatus, event: IdentityEvent): IdentityStatus {
  const insi = previous === 'RECUP' || previous === 'QUAL' || event === 'insi-found'
  const document = previous === 'VALI' || previous === 'QUAL' || event === 'id-document-checked'
  if (insi && document) return 'QUAL'
  if (insi) return 'RECUP'
  if (document) return 'VALI'
  return 'PROV'
}

/** INS/va1.53 [S]: the INS may leave the DUI only for a qualified identity. */
export function mayTransmitIns(status: IdentityStatus): boolean {
  return status === 'QUAL'
}
