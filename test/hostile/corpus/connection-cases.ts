import type { HostileCase, HttpTarget } from './case.ts'

/** The request line of each HTTP simulator, base path included (the slow client writes it raw). */
const HEADS: Record<HttpTarget, string> = {
  'dmp.fhir': 'POST /fhir HTTP/1.1\r\n',
  'dmp.xds': 'POST /xds HTTP/1.1\r\n',
  insi: 'POST /insi HTTP/1.1\r\n',
  psc: 'POST /auth/realms/esante-wallet/protocol/openid-connect/token HTTP/1.1\r\n',
  annuaire: 'GET /fhir/Practitioner HTTP/1.1\r\n',
}

/**
 * Slow-loris clients (headers never finished, a command never ended) and TLS handshakes the
 * services must refuse. The simulators cut the slow ones at their client timeout and keep
 * serving everybody else meanwhile.
 */
export function connectionCases(): HostileCase[] {
  const slowHttp = (Object.keys(HEADS) as HttpTarget[]).map(
    (target): HostileCase => ({
      id: `slow-loris/${target}/headers-never-finished`,
      family: 'slow-loris',
      target,
      input: { transport: 'slow', target, bytes: `${HEADS[target]}Host: lent.test\r\nX-Lent: `, trickle: 'a' },
      expected: { status: 408, reason: /délai dépassé : requête toujours incomplète au bout du délai du simulateur \(\d+ octets reçus\), connexion lente coupée/ },
    }),
  )
  return [
    ...slowHttp,
    { id: 'slow-loris/mssante.smtp/command-never-ended', family: 'slow-loris', target: 'mssante.smtp', input: { transport: 'slow', target: 'mssante.smtp', bytes: 'EHLO lent.test' }, expected: { status: 421, reason: /délai d'inactivité dépassé/ } },
    { id: 'slow-loris/mssante.imap/command-never-ended', family: 'slow-loris', target: 'mssante.imap', input: { transport: 'slow', target: 'mssante.imap', bytes: 'a1 NOOP' }, expected: { status: 'closed', reason: /coupée : délai d'inactivité dépassé/ } },
    ...(['TLSv1', 'TLSv1.1'] as const).map(
      (version): HostileCase => ({ id: `tls-downgrade/insi/${version}`, family: 'tls-downgrade', target: 'insi', input: { transport: 'tls', target: 'insi', version }, expected: { status: 'tls-refused', reason: /négociation TLS refusée : (unsupported protocol|version too low|wrong version number)[^()]*\(TLS 1\.2 minimum\)/ } }),
    ),
    { id: 'tls-downgrade/insi/plain-http-on-tls-port', family: 'tls-downgrade', target: 'insi', input: { transport: 'tls', target: 'insi', version: 'plaintext' }, expected: { status: 'closed', reason: /négociation TLS refusée : (http request|wrong version number|packet length too long)/ } },
  ]
}
