import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { OAuth2Issuer, OAuth2Service, type MutableResponse, type MutableToken } from 'oauth2-mock-server'
import type { TokenFault } from '../../harness/validate/identity/index.ts'
import { userinfoClaims, type PscProfessional } from './test-professionals.ts'

/** PSC paths below the issuer (Keycloak realm `esante-wallet`, brief §8). */
export const PSC_PATHS = {
  wellKnownDocument: '/.well-known/openid-configuration',
  authorize: '/protocol/openid-connect/auth',
  token: '/protocol/openid-connect/token',
  userinfo: '/protocol/openid-connect/userinfo',
  jwks: '/protocol/openid-connect/certs',
  endSession: '/protocol/openid-connect/logout',
  revoke: '/protocol/openid-connect/revoke',
  introspect: '/protocol/openid-connect/token/introspect',
} as const

/** Who logs in next, and how the id_token must be wrong (negative scenarios). */
export interface LoginPlan {
  readonly professional: PscProfessional
  readonly fault?: TokenFault
}

/** The acr a faulty token carries: anything but eidas1. */
export const WRONG_ACR = 'eidas0'

export interface OidcProvider {
  /** Base URL of the internal server the front proxies to. */
  readonly internalUrl: string
  /** The issuer is the recording front's URL, known once the front listens. */
  setIssuer(url: string): void
  /** Binds an authorization code (read from the authorize redirect) to a plan. */
  bindCode(code: string, plan: LoginPlan): void
  close(): Promise<void>
}

/**
 * The OIDC machinery, on oauth2-mock-server (maintained, jose-based): codes, PKCE, JWKS,
 * signed id_tokens. Hooks shape tokens and userinfo like PSC's and apply the planned fault.
 * It listens on loopback only; the recording front is what candidates talk to.
 */
export async function startOidcProvider(): Promise<OidcProvider> {
  const issuer = new OAuth2Issuer()
  await issuer.keys.generate('RS256')
  const service = new OAuth2Service(issuer, PSC_PATHS)
  const plans = new Map<string, LoginPlan & { readonly sub: string }>()
  const byAccessToken = new Map<string, LoginPlan & { readonly sub: string }>()

  service.on('beforeTokenSigning', (token: MutableToken, req: IncomingMessage & { body?: Record<string, unknown> }) => {
    const plan = plans.get(String(req.body?.['code'] ?? ''))
    if (!plan) return
    const payload = token.payload
    payload['sub'] = plan.sub
    if ('scope' in payload) return // the access token: nothing PSC-specific to shape
    payload['acr'] = plan.fault === 'acr' ? WRONG_ACR : 'eidas1'
    payload['idp'] = 'PSC'
    payload['preferred_username'] = plan.professional.nationalId
    if (plan.fault === 'audience') payload['aud'] = 'autre-client-psc'
    if (plan.fault === 'nonce') payload['nonce'] = randomUUID().replace(/-/g, '')
  })
  service.on('beforeResponse', (response: MutableResponse, req: IncomingMessage & { body?: Record<string, unknown> }) => {
    const plan = plans.get(String(req.body?.['code'] ?? ''))
    if (plan && response.body && typeof response.body['access_token'] === 'string') byAccessToken.set(response.body['access_token'], plan)
  })
  service.on('beforeUserinfo', (response: MutableResponse, req: IncomingMessage) => {
    const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]
    const plan = token ? byAccessToken.get(token) : undefined
    if (!plan) {
      response.statusCode = 401
      response.body = { error: 'invalid_token', error_description: 'jeton d\'accès inconnu du simulateur Pro Santé Connect' }
      return
    }
    response.body = userinfoClaims(plan.professional, plan.sub)
  })

  const server: Server = createServer(service.requestHandler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    internalUrl: `http://127.0.0.1:${port}`,
    setIssuer: (url) => {
      issuer.url = url
    },
    bindCode: (code, plan) => plans.set(code, { ...plan, sub: `f:${randomUUID()}:${plan.professional.nationalId}` }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
