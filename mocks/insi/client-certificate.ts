import type { Issue } from '../../harness/core/issue.ts'
import type { MockTlsInfo } from '../http/exchange.ts'

/** The CNs an INSi client certificate may carry (brief §7): automatic or manual calls. */
export const INSI_CERTIFICATE_CNS = ['INSI-AUTO', 'INSI-MANU'] as const

/**
 * The DESIR_560 rule: with mutual TLS, a certificate whose CN is not exactly INSI-AUTO or
 * INSI-MANU has no rights. Returns why it is refused (French), or undefined when accepted.
 */
export function certificateRefusal(commonName: string | undefined): string | undefined {
  if (commonName === undefined) return 'aucun certificat client présenté : l\'INSi exige une authentification TLS mutuelle'
  if ((INSI_CERTIFICATE_CNS as readonly string[]).includes(commonName)) return undefined
  return `le CN du certificat client est « ${commonName} » ; seuls ${INSI_CERTIFICATE_CNS.join(' et ')} ouvrent des droits`
}

/** OpenSSL verification codes meaning "not issued by a CA the service trusts". */
const UNTRUSTED_ISSUER = new Set(['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_SIGNATURE_FAILURE'])

/**
 * The whole mutual-TLS check of a request: a certificate is needed, it must chain to the test
 * CA and be within its dates, then the CN rule applies. Returns the French reason, or undefined.
 */
export function tlsRefusal(tls: MockTlsInfo | undefined): string | undefined {
  if (!tls) return 'connexion sans TLS : l\'INSi exige une authentification TLS mutuelle'
  if (tls.peerCn === undefined && !tls.authorized) return certificateRefusal(undefined)
  if (!tls.authorized) {
    const who = `le certificat client « ${tls.peerCn ?? '(sans CN)'} »`
    const code = tls.authorizationError ?? 'inconnu'
    if (code === 'CERT_HAS_EXPIRED') return `${who} a expiré`
    if (code === 'CERT_NOT_YET_VALID') return `${who} n'est pas encore valide`
    if (UNTRUSTED_ISSUER.has(code)) return `${who} n'est pas émis par une autorité de certification reconnue par le téléservice (${code})`
    return `${who} n'a pas pu être vérifié (${code})`
  }
  return certificateRefusal(tls.peerCn)
}

/**
 * A refused certificate as the finding of the exchange: SEC-003 (a valid certificate, issued by
 * the authority the operator trusts, with the CN the operator requires). Same rule id as MSSanté.
 */
export function certificateIssue(refusal: string): Issue {
  return { severity: 'error', code: 'security', rule: 'transport/client-certificate', requirement: 'SEC-003', message: `certificat client refusé par l'INSi (DESIR_560) : ${refusal}`, location: { path: 'tls' } }
}
