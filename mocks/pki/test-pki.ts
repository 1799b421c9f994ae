import { generate } from 'selfsigned'

/** A PEM key and certificate pair. */
export interface KeyPair {
  readonly key: string
  readonly cert: string
}

/**
 * A test PKI generated at run time, so no key is ever committed and nothing expires in the repo.
 * The server certificate and the client certificates are signed by `ca`; `wrongCaClient` by an
 * unrelated CA, to prove the simulators refuse what they do not trust.
 */
export interface TestPki {
  readonly ca: KeyPair
  /** Server certificate for `localhost` and 127.0.0.1 / ::1. */
  readonly server: KeyPair
  /** Valid client certificate (an organisation's mailbox, for mutual TLS). */
  readonly client: KeyPair
  /** Client certificate signed by `ca` but expired yesterday. */
  readonly expiredClient: KeyPair
  /** Valid dates, but signed by another CA. */
  readonly wrongCaClient: KeyPair
  /** Valid organisation certificate with CN `INSI-AUTO`, the one INSi calls present (brief §7). */
  readonly insiClient: KeyPair
}

/** What `issueClientCertificate` can get wrong on purpose (negative tests). */
export interface ClientCertificateOptions {
  /** Valid dates ended yesterday. */
  readonly expired?: boolean
  /** Signed by a CA the simulators do not trust, instead of `ca`. */
  readonly untrustedCa?: boolean
}

const DAY_MS = 86_400_000
// EC P-256: about 10x faster than RSA-2048 to generate (STACK §2), so every run gets fresh keys.
const KEY = { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' } as const

/** Generates the whole test PKI (a few tens of milliseconds). */
export async function createTestPki(): Promise<TestPki> {
  const now = Date.now()
  const ca = await makeCa('dui-harness AC de test (ne pas utiliser en production)', now)
  const otherCa = await makeCa('AC inconnue du simulateur', now)
  const server = await leaf('localhost', ca, { serverAuth: true }, now - DAY_MS, now + 365 * DAY_MS, [
    { type: 2, value: 'localhost' },
    { type: 7, ip: '127.0.0.1' },
    { type: 7, ip: '::1' },
  ])
  const client = await leaf('bal-applicative.test-ci-sis.mssante.fr', ca, { clientAuth: true }, now - DAY_MS, now + 365 * DAY_MS)
  const expiredClient = await leaf('certificat-expire.test-ci-sis.mssante.fr', ca, { clientAuth: true }, now - 30 * DAY_MS, now - DAY_MS)
  const wrongCaClient = await leaf('autre-ac.test-ci-sis.mssante.fr', otherCa, { clientAuth: true }, now - DAY_MS, now + 365 * DAY_MS)
  const insiClient = await issueClientCertificate(ca, 'INSI-AUTO')
  return { ca, server, client, expiredClient, wrongCaClient, insiClient }
}

/**
 * A client certificate with the given subject CN (e.g. `INSI-MANU`, `OTHER`), signed by `ca`
 * unless `untrustedCa` asks for an unrelated one.
 */
export async function issueClientCertificate(ca: KeyPair, commonName: string, options: ClientCertificateOptions = {}): Promise<KeyPair> {
  const now = Date.now()
  const issuer = options.untrustedCa ? await makeCa('AC inconnue du simulateur', now) : ca
  const [notBefore, notAfter] = options.expired ? [now - 30 * DAY_MS, now - DAY_MS] : [now - DAY_MS, now + 365 * DAY_MS]
  // A CN like INSI-AUTO is not a host name: no subjectAltName for it.
  return leaf(commonName, issuer, { clientAuth: true }, notBefore, notAfter, [])
}

async function makeCa(commonName: string, now: number): Promise<KeyPair> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    ...KEY,
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 365 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  })
  return { key: pems.private, cert: pems.cert }
}

type AltName = { type: 2; value: string } | { type: 7; ip: string }

async function leaf(
  commonName: string,
  ca: KeyPair,
  usage: { serverAuth?: boolean; clientAuth?: boolean },
  notBefore: number,
  notAfter: number,
  altNames: readonly AltName[] = [{ type: 2, value: commonName }],
): Promise<KeyPair> {
  const pems = await generate([{ name: 'commonName', value: commonName }], {
    ...KEY,
    ca,
    notBeforeDate: new Date(notBefore),
    notAfterDate: new Date(notAfter),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', ...usage },
      ...(altNames.length > 0 ? [{ name: 'subjectAltName' as const, altNames: [...altNames] }] : []),
    ],
  })
  return { key: pems.private, cert: pems.cert }
}
