import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'

const RULE = 'psc/token-request'
const REQUIREMENT = 'PSC-001'

/** The form the DUI posted to the PSC token endpoint. */
export interface PscTokenRequestContext {
  readonly form: URLSearchParams
  /** True when the Authorization header carries client credentials (client_secret_basic). */
  readonly basicAuth: boolean
  readonly evidence?: string
}

/** Token request of the code flow: grant_type, code, redirect_uri, the PKCE code_verifier and a client id. */
export const pscTokenRequestRule: ValidationRule<PscTokenRequestContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Requête de jeton Pro Santé Connect : authorization_code, code, redirect_uri, code_verifier PKCE',
  appliesTo: () => true,
  check({ form, basicAuth, evidence }) {
    const issues: Issue[] = []
    const problem = (parameter: string, message: string, code: Issue['code'] = 'required') =>
      issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path: `form.${parameter}` }, ...(evidence ? { evidence } : {}) })
    if (form.get('grant_type') !== 'authorization_code') problem('grant_type', `grant_type vaut « ${form.get('grant_type') ?? '(absent)'} », « authorization_code » est attendu`, 'value')
    for (const name of ['code', 'redirect_uri']) if (!form.get(name)) problem(name, `paramètre ${name} absent`)
    const verifier = form.get('code_verifier')
    if (!verifier) problem('code_verifier', 'code_verifier absent : la preuve PKCE doit accompagner l\'échange du code')
    else if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) problem('code_verifier', 'code_verifier non conforme à la RFC 7636 (43 à 128 caractères non réservés)', 'value')
    if (!basicAuth && !form.get('client_id')) problem('client_id', 'le client ne s\'identifie pas (ni en-tête Authorization Basic, ni client_id)')
    return issues
  },
}
