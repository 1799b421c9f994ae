import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { TokenFault } from '../../harness/validate/identity/index.ts'
import type { HttpExchange } from '../http/exchange.ts'
import { startRecordingServer, type RecordingServer } from '../http/server.ts'
import { pscHandlers, type PscMeta } from './front.ts'
import { startOidcProvider, type LoginPlan } from './provider.ts'
import { PSC_TEST_PROFESSIONALS, type PscProfessional } from './test-professionals.ts'

export type { PscMeta } from './front.ts'
export { PSC_PATHS, WRONG_ACR, type LoginPlan } from './provider.ts'
export { PSC_TEST_PROFESSIONALS, userinfoClaims, type PscProfessional } from './test-professionals.ts'

/** Realm path of the issuer, as on PSC (`…/auth/realms/esante-wallet`). */
const REALM_PATH = '/auth/realms/esante-wallet'
const MAX_BODY_BYTES = 64 * 1024

export interface PscOptions {
  readonly evidence: EvidenceStore
  readonly host?: string
  readonly port?: number
  /** Time a client may take to send a request before being cut (slow-loris). */
  readonly slowClientTimeoutMs?: number
}

export interface RunningPsc {
  /** Issuer URL; discovery at `{issuer}/.well-known/openid-configuration` (and `wallet-openid-configuration`). */
  readonly issuer: string
  readonly server: RecordingServer
  /** Who the next login authenticates, and the fault its id_token carries; reset after each scenario. */
  planNextLogin(professional: PscProfessional, fault?: TokenFault): void
  /** The next authorization request, claimed for the caller. */
  nextAuthorization(signal: AbortSignal): Promise<HttpExchange<PscMeta> | undefined>
  /** The next token request exchanging `code`. */
  nextToken(code: string, signal: AbortSignal): Promise<HttpExchange<PscMeta> | undefined>
  /** Back to the default plan (the RPPS nurse, correct tokens). */
  reset(): void
  close(): Promise<void>
}

/** Starts the Pro Santé Connect simulator: a recording front on an OIDC provider. */
export async function startPsc(options: PscOptions): Promise<RunningPsc> {
  const defaultPlan: LoginPlan = { professional: PSC_TEST_PROFESSIONALS.nurse }
  let plan: LoginPlan = defaultPlan
  const provider = await startOidcProvider()
  const server = await startRecordingServer({
    name: 'psc',
    basePath: REALM_PATH,
    handlers: pscHandlers(provider, () => plan),
    evidence: options.evidence,
    maxBodyBytes: MAX_BODY_BYTES,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.slowClientTimeoutMs !== undefined ? { slowClientTimeoutMs: options.slowClientTimeoutMs } : {}),
  }).catch(async (error: unknown) => {
    await provider.close()
    throw error
  })
  provider.setIssuer(server.url)
  const next = (handler: string, match: (exchange: HttpExchange) => boolean, signal: AbortSignal) =>
    server.log.next((exchange) => exchange.handler === handler && match(exchange), signal) as Promise<HttpExchange<PscMeta> | undefined>
  return {
    issuer: server.url,
    server,
    planNextLogin: (professional, fault) => {
      plan = { professional, ...(fault ? { fault } : {}) }
    },
    nextAuthorization: (signal) => next('psc.authorize', () => true, signal),
    nextToken: (code, signal) => next('psc.token', (exchange) => exchange.meta['code'] === code, signal),
    reset: () => {
      plan = defaultPlan
    },
    close: async () => {
      await server.close()
      await provider.close()
    },
  }
}
