import type { Issue } from '../../harness/core/issue.ts'
import { pscAuthorizationRule, pscTokenRequestRule } from '../../harness/validate/identity/index.ts'
import type { MockRequest } from '../http/exchange.ts'
import type { HandlerResult, MockHandler } from '../http/handler.ts'
import { handlerFor } from '../http/handler.ts'
import { PSC_PATHS, type LoginPlan, type OidcProvider } from './provider.ts'

/** Meta kept with PSC exchanges, for scenario steps. */
export interface PscMeta extends Record<string, unknown> {
  readonly issues: readonly Issue[]
  /** Authorization code issued (authorize) or exchanged (token). */
  readonly code?: string
  readonly plan?: LoginPlan
}

/** Headers passed on between the candidate and the OIDC provider. */
const FORWARDED_REQUEST = ['authorization', 'content-type', 'accept']
const FORWARDED_RESPONSE = ['content-type', 'location', 'cache-control', 'pragma']

/** Sends a recorded request on to the provider and returns its answer untouched. */
async function forward(provider: OidcProvider, request: MockRequest, path: string): Promise<HandlerResult> {
  const headers: Record<string, string> = {}
  for (const name of FORWARDED_REQUEST) {
    const value = request.headers[name]
    if (typeof value === 'string') headers[name] = value
  }
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : ''
  const response = await fetch(`${provider.internalUrl}${path}${query}`, {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(request.method === 'GET' || request.method === 'HEAD' ? {} : { body: new Uint8Array(request.body) }),
  })
  const out: Record<string, string> = {}
  for (const name of FORWARDED_RESPONSE) {
    const value = response.headers.get(name)
    if (value) out[name] = value
  }
  return { status: response.status, headers: out, body: Buffer.from(await response.arrayBuffer()) }
}

/** An OAuth 2.0 error answer (RFC 6749 §5.2) with a French description. */
function oauthError(status: number, error: string, description: string): HandlerResult {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ error, error_description: description }) }
}

/**
 * The handlers candidates talk to: each records the exchange, checks the PSC shape of what the
 * DUI sent, and forwards to the OIDC provider. `plan()` says who logs in next.
 */
export function pscHandlers(provider: OidcProvider, plan: () => LoginPlan): MockHandler[] {
  const passThrough = (name: string, method: 'get' | 'post', path: string, target = path) => handlerFor[method](name, path, (request) => forward(provider, request, target))
  return [
    handlerFor.get('psc.discovery', /^\/\.well-known\/(?:wallet-)?openid-configuration$/, async (request) => {
      const answer = await forward(provider, request, PSC_PATHS.wellKnownDocument)
      if (answer.status !== 200 || !answer.body) return answer
      const document = JSON.parse(answer.body.toString()) as Record<string, unknown>
      // PSC announces its level and scope; the library does not know them.
      const shaped = { ...document, acr_values_supported: ['eidas1'], scopes_supported: ['openid', 'scope_all'], claims_parameter_supported: false, token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'] }
      return { ...answer, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(shaped) }
    }),
    handlerFor.get('psc.authorize', PSC_PATHS.authorize, async (request) => {
      const issues = pscAuthorizationRule.check({ query: request.query })
      // As PSC, never redirect to an address other than the one asked for (the URL parser would drop line breaks).
      const badRedirect = issues.find((issue) => issue.location?.path === 'query.redirect_uri' && issue.code === 'value')
      if (badRedirect) return { ...oauthError(400, 'invalid_request', badRedirect.message), meta: { issues, plan: plan() } }
      const answer = await forward(provider, request, PSC_PATHS.authorize)
      const location = answer.headers?.['location']
      const code = location ? new URL(location).searchParams.get('code') ?? undefined : undefined
      const next = plan()
      if (code) provider.bindCode(code, next)
      const meta: PscMeta = { issues, ...(code ? { code } : {}), plan: next }
      return { ...answer, meta }
    }),
    handlerFor.post('psc.token', PSC_PATHS.token, async (request) => {
      const form = new URLSearchParams(request.body.toString('utf8'))
      const issues = pscTokenRequestRule.check({ form, basicAuth: /^Basic\s/i.test(request.headers.authorization ?? '') })
      const mediaType = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase()
      if (mediaType !== 'application/x-www-form-urlencoded') {
        return { ...oauthError(400, 'invalid_request', `requête de jeton envoyée en « ${mediaType || '(sans Content-Type)'} » : application/x-www-form-urlencoded est attendu (RFC 6749 §4.1.3)`), meta: { issues } }
      }
      const answer = await forward(provider, request, PSC_PATHS.token)
      const code = form.get('code') ?? undefined
      const meta: PscMeta = { issues, ...(code ? { code } : {}) }
      return { ...answer, meta }
    }),
    passThrough('psc.userinfo', 'get', PSC_PATHS.userinfo),
    passThrough('psc.jwks', 'get', PSC_PATHS.jwks),
    passThrough('psc.logout', 'get', PSC_PATHS.endSession),
    passThrough('psc.revoke', 'post', PSC_PATHS.revoke),
    passThrough('psc.introspect', 'post', PSC_PATHS.introspect),
  ]
}
