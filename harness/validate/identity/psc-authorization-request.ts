import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'

const RULE = 'psc/authorization-request'
const REQUIREMENT = 'PSC-001'

/** The query of the request the user's browser sent to the PSC authorization endpoint. */
export interface PscAuthorizationContext {
  readonly query: URLSearchParams
  readonly evidence?: string
}

/**
 * Pro Santé Connect authorization request (brief §8): authorization code flow
 * (`response_type=code`), `scope` holding `openid` and `scope_all`, `acr_values=eidas1`, a
 * `nonce` and a `state`, client_id and redirect_uri, and PKCE with S256.
 */
export const pscAuthorizationRule: ValidationRule<PscAuthorizationContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Demande d\'autorisation Pro Santé Connect : code + PKCE S256, scope openid scope_all, acr_values eidas1, nonce, state',
  appliesTo: () => true,
  check({ query, evidence }) {
    const issues: Issue[] = []
    const problem = (parameter: string, message: string, code: Issue['code'] = 'required') =>
      issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path: `query.${parameter}` }, ...(evidence ? { evidence } : {}) })
    const get = (name: string) => query.get(name) ?? undefined
    if (get('response_type') !== 'code') problem('response_type', `response_type vaut « ${get('response_type') ?? '(absent)'} », « code » est attendu (flux code d'autorisation)`, 'value')
    const scopes = (get('scope') ?? '').split(/\s+/).filter(Boolean)
    for (const scope of ['openid', 'scope_all']) if (!scopes.includes(scope)) problem('scope', `scope « ${get('scope') ?? ''} » ne contient pas « ${scope} » (attendu « openid scope_all »)`, 'value')
    if (get('acr_values') !== 'eidas1') problem('acr_values', `acr_values vaut « ${get('acr_values') ?? '(absent)'} », « eidas1 » est attendu`, get('acr_values') ? 'value' : 'required')
    for (const name of ['client_id', 'redirect_uri', 'state', 'nonce']) if (!get(name)) problem(name, `paramètre ${name} absent`)
    const redirect = get('redirect_uri')
    if (redirect && !isAbsoluteUrl(redirect)) problem('redirect_uri', `redirect_uri ${JSON.stringify(redirect)} n'est pas une URL absolue valide (retour chariot, saut de ligne ou espace interdits)`, 'value')
    const nonce = get('nonce')
    if (nonce && nonce.length < 16) problem('nonce', `nonce de ${nonce.length} caractères : trop court pour être imprévisible (au moins 16 attendus)`, 'security')
    if (!get('code_challenge')) problem('code_challenge', 'code_challenge absent : PKCE (RFC 7636) est attendu')
    else if (get('code_challenge_method') !== 'S256') problem('code_challenge_method', `code_challenge_method vaut « ${get('code_challenge_method') ?? '(absent, donc plain)'} », « S256 » est attendu`, 'security')
    return issues
  },
}

/** An http(s) URL written without control characters or spaces (a browser would silently drop them). */
function isAbsoluteUrl(value: string): boolean {
  if (/[\u0000-\u0020\u007f]/.test(value)) return false
  return URL.canParse(value) && /^https?:$/.test(new URL(value).protocol)
}
