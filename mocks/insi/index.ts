import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { HttpExchange } from '../http/exchange.ts'
import { startRecordingServer, type RecordingServer } from '../http/server.ts'
import { tlsRefusal } from './client-certificate.ts'
import { faultEnvelope, SOAP12_CONTENT_TYPE } from './soap-responses.ts'
import { insiSearch, type InsiMeta } from './search.ts'

export type { InsiMeta } from './search.ts'
export { INSI_TEST_IDENTITIES, INSI_NIR_OID, type InsiTestIdentity } from './test-identities.ts'
export { INSI_FAULTS, type InsiFault } from './faults.ts'
export { certificateRefusal, INSI_CERTIFICATE_CNS, tlsRefusal } from './client-certificate.ts'

/** SOAP requests are small; anything larger is refused with a 413 before parsing. */
const MAX_BODY_BYTES = 256 * 1024

export interface InsiOptions {
  readonly evidence: EvidenceStore
  readonly host?: string
  readonly port?: number
  /**
   * Mutual TLS, as the real téléservice (brief §7): HTTPS with the test PKI's server
   * certificate, client certificates checked against `ca` and the CN rule (DESIR_560).
   */
  readonly mutualTls?: { readonly key: string; readonly cert: string; readonly ca: string }
  /** Time a client may take to send a request before being cut (slow-loris). */
  readonly slowClientTimeoutMs?: number
}

export interface RunningInsi {
  /** Endpoint of the téléservice (POST SOAP 1.2). */
  readonly url: string
  readonly server: RecordingServer
  /**
   * The next traits search whose NomNaissance is `birthFamilyName`, claimed for the caller;
   * undefined when `signal` aborts first.
   */
  nextSearch(birthFamilyName: string, signal: AbortSignal): Promise<HttpExchange<InsiMeta> | undefined>
  close(): Promise<void>
}

/** Starts the INSi simulator (CNAM téléservice, SOAP 1.2; mutual TLS when `mutualTls` is given). */
export async function startInsi(options: InsiOptions): Promise<RunningInsi> {
  const mutualTls = options.mutualTls
  const server = await startRecordingServer({
    name: 'insi',
    basePath: '/insi',
    handlers: [insiSearch(undefined, { mutualTls: mutualTls !== undefined })],
    evidence: options.evidence,
    maxBodyBytes: MAX_BODY_BYTES,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.slowClientTimeoutMs !== undefined ? { slowClientTimeoutMs: options.slowClientTimeoutMs } : {}),
    ...(mutualTls ? { tls: { key: mutualTls.key, cert: mutualTls.cert, ca: mutualTls.ca, requestClientCertificate: true } } : {}),
    unhandled: (request) => {
      const refused = mutualTls ? tlsRefusal(request.tls) : undefined
      if (refused) return { status: 400, headers: { 'content-type': SOAP12_CONTENT_TYPE }, body: faultEnvelope('certificate', refused) }
      return {
        status: 405,
        headers: { 'content-type': SOAP12_CONTENT_TYPE },
        body: faultEnvelope('operation', `${request.method} ${request.path} : le téléservice INSi n'accepte que POST (SOAP 1.2) sur son adresse`),
      }
    },
  })
  return {
    url: server.url,
    server,
    nextSearch: async (birthFamilyName, signal) => {
      const wanted = birthFamilyName.toUpperCase()
      const exchange = await server.log.next((candidate) => candidate.handler === 'insi.search' && String((candidate.meta as InsiMeta).traits?.birthFamilyName ?? '').toUpperCase() === wanted, signal)
      return exchange as HttpExchange<InsiMeta> | undefined
    },
    close: () => server.close(),
  }
}
