import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { HttpExchange } from '../http/exchange.ts'
import { startRecordingServer, type RecordingServer, type RecordingServerTls } from '../http/server.ts'
import { isBulkSearch } from '../../harness/validate/identity/index.ts'
import { annuaireSearch } from './search.ts'

export { ANNUAIRE_ORGANIZATIONS, ANNUAIRE_PRACTITIONER_ROLES, ANNUAIRE_PRACTITIONERS } from './fixtures.ts'

export interface AnnuaireOptions {
  readonly evidence: EvidenceStore
  readonly host?: string
  readonly port?: number
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: RecordingServerTls
  /** Time a client may take to send a request before being cut (slow-loris). */
  readonly slowClientTimeoutMs?: number
}

export interface RunningAnnuaire {
  /** FHIR R4 base of the Annuaire Santé API. */
  readonly url: string
  readonly server: RecordingServer
  /**
   * The next search one of whose parameter values contains `criterion` (case and accents
   * ignored), or that has no search criterion at all: a bulk download names nobody, so the step
   * waiting for its correspondent takes it (and ANN-001 judges it). Claimed for the caller.
   */
  nextSearch(criterion: string, signal: AbortSignal): Promise<HttpExchange | undefined>
  close(): Promise<void>
}

/** Starts the Annuaire Santé simulator (FHIR R4 search, read-only). */
export async function startAnnuaire(options: AnnuaireOptions): Promise<RunningAnnuaire> {
  const server = await startRecordingServer({
    name: 'annuaire',
    basePath: '/fhir',
    handlers: [annuaireSearch()],
    evidence: options.evidence,
    maxBodyBytes: 64 * 1024,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.slowClientTimeoutMs !== undefined ? { slowClientTimeoutMs: options.slowClientTimeoutMs } : {}),
  })
  const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase()
  return {
    url: server.url,
    server,
    nextSearch: (criterion, signal) =>
      server.log.next(
        (exchange) => exchange.handler === 'annuaire.search' && ([...exchange.request.query.values()].some((value) => fold(value).includes(fold(criterion))) || isBulkSearch(exchange.request.path, exchange.request.query)),
        signal,
      ),
    close: () => server.close(),
  }
}
