/** The CNs an INSi client certificate may carry (brief §7): automatic or manual calls. */
export const INSI_CERTIFICATE_CNS = ['INSI-AUTO', 'INSI-MANU'] as const

/**
 * The DESIR_560 rule: with mutual TLS, a certificate whose CN is not exactly INSI-AUTO or
 * INSI-MANU has no rights. Returns why it is refused (French), or undefined when accepted.
 * Applied once the simulator serves TLS (test PKI of mocks/pki, not there yet).
 */
export function certificateRefusal(commonName: string | undefined): string | undefined {
  if (commonName === undefined) return 'aucun certificat client présenté : l\'INSi exige une authentification TLS mutuelle'
  if ((INSI_CERTIFICATE_CNS as readonly string[]).includes(commonName)) return undefined
  return `le CN du certificat client est « ${commonName} » ; seuls ${INSI_CERTIFICATE_CNS.join(' et ')} ouvrent des droits`
}
