import { createHash, randomBytes } from 'node:crypto'
import { createRemoteJWKSet, jwtVerify, type JWTPayload } from 'jose'

/** This DUI's registration at Pro Santé Connect (test client). */
export const PSC_CLIENT = {
  id: 'dui-reference-essms',
  secret: 'secret-de-test-dui-reference',
  /** Where PSC sends the user's browser back; the DUI reads the code from it. */
  redirectUri: 'http://127.0.0.1/psc/callback',
} as const

/** The professional identified by PSC, as the DUI opens the session. */
export interface PscSession {
  readonly nationalId: string
  readonly familyName: string
  readonly givenName: string
  readonly profession?: string
  readonly acr: string
}

export interface PscLoginOptions {
  /** Seeded defect: accept any acr instead of requiring eidas1. */
  readonly acceptAnyAcr?: boolean
  /** Seeded defect: no PKCE (neither code_challenge nor code_verifier). */
  readonly withoutPkce?: boolean
  /** Seeded defect: take the RPPS number of `otherIds` as the national id. */
  readonly identifyByRpps?: boolean
}

interface Discovery {
  readonly issuer: string
  readonly authorization_endpoint: string
  readonly token_endpoint: string
  readonly userinfo_endpoint: string
  readonly jwks_uri: string
}

/**
 * Logs a professional in with Pro Santé Connect: authorization code + PKCE S256,
 * `scope=openid scope_all`, `acr_values=eidas1`, then checks the id_token (signature, iss, aud,
 * nonce, acr) before reading the userinfo. The user's browser is played by the DUI itself: it
 * follows the authorization redirect and reads the code, as the callback page would.
 */
export async function loginWithPsc(issuer: string, options: PscLoginOptions = {}): Promise<PscSession> {
  const discovery = (await getJson(`${issuer}/.well-known/wallet-openid-configuration`)) as Discovery
  const verifier = base64url(randomBytes(32))
  const state = base64url(randomBytes(16))
  const nonce = randomBytes(32).toString('hex')
  const authorize = new URL(discovery.authorization_endpoint)
  authorize.search = new URLSearchParams({
    response_type: 'code',
    client_id: PSC_CLIENT.id,
    redirect_uri: PSC_CLIENT.redirectUri,
    scope: 'openid scope_all',
    acr_values: 'eidas1',
    state,
    nonce,
    ...(options.withoutPkce ? {} : { code_challenge: base64url(createHash('sha256').update(verifier).digest()), code_challenge_method: 'S256' }),
  }).toString()

  const redirect = await fetch(authorize, { redirect: 'manual' })
  const location = redirect.headers.get('location')
  if (!location) throw new Error(`Pro Santé Connect n'a pas redirigé vers le DUI (HTTP ${redirect.status})`)
  const callback = new URL(location)
  if (callback.searchParams.get('error')) throw new Error(`Pro Santé Connect a refusé l'authentification : ${callback.searchParams.get('error_description') ?? callback.searchParams.get('error')}`)
  if (callback.searchParams.get('state') !== state) throw new Error('retour Pro Santé Connect refusé : state différent de celui de la demande')
  const code = callback.searchParams.get('code')
  if (!code) throw new Error('retour Pro Santé Connect sans code d\'autorisation')

  const tokenResponse = await fetch(discovery.token_endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${PSC_CLIENT.id}:${PSC_CLIENT.secret}`).toString('base64')}`,
    },
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: PSC_CLIENT.redirectUri, ...(options.withoutPkce ? {} : { code_verifier: verifier }) }),
  })
  if (!tokenResponse.ok) throw new Error(`Pro Santé Connect a refusé l'échange du code (HTTP ${tokenResponse.status})`)
  const tokens = (await tokenResponse.json()) as { id_token?: string; access_token?: string }
  if (!tokens.id_token || !tokens.access_token) throw new Error('réponse de jeton Pro Santé Connect incomplète (id_token ou access_token absent)')

  const jwks = createRemoteJWKSet(new URL(discovery.jwks_uri))
  let claims: JWTPayload
  try {
    ;({ payload: claims } = await jwtVerify(tokens.id_token, jwks, { issuer: discovery.issuer, audience: PSC_CLIENT.id }))
  } catch (error) {
    throw new Error(`id_token Pro Santé Connect refusé : ${error instanceof Error ? error.message : String(error)}`)
  }
  if (claims['nonce'] !== nonce) throw new Error('id_token Pro Santé Connect refusé : nonce différent de celui de la demande')
  // PSC: an absent acr means eidas1; any other level is refused.
  const acr = typeof claims['acr'] === 'string' ? claims['acr'] : 'eidas1'
  if (acr !== 'eidas1' && !options.acceptAnyAcr) throw new Error(`id_token Pro Santé Connect refusé : niveau d'authentification « ${acr} », eidas1 exigé`)

  const userinfoResponse = await fetch(discovery.userinfo_endpoint, { headers: { authorization: `Bearer ${tokens.access_token}` } })
  if (!userinfoResponse.ok) throw new Error(`userinfo Pro Santé Connect indisponible (HTTP ${userinfoResponse.status})`)
  const userinfo = (userinfoResponse.headers.get('content-type') ?? '').includes('jwt')
    ? (await jwtVerify(await userinfoResponse.text(), jwks, { issuer: discovery.issuer })).payload
    : ((await userinfoResponse.json()) as Record<string, unknown>)
  if (userinfo['sub'] !== claims.sub) throw new Error('userinfo Pro Santé Connect refusé : sub différent de celui de l\'id_token')
  const exercices = (userinfo['SubjectRefPro'] as { exercices?: { codeProfession?: string }[] } | undefined)?.exercices ?? []
  const profession = exercices[0]?.codeProfession
  return {
    nationalId: options.identifyByRpps ? rppsNumber(userinfo) : String(userinfo['SubjectNameID'] ?? userinfo['preferred_username']),
    familyName: String(userinfo['family_name']),
    givenName: String(userinfo['given_name']),
    ...(profession ? { profession } : {}),
    acr,
  }
}

/** The RPPS number among the professional's other identifiers; a médico-social professional may have none. */
function rppsNumber(userinfo: Record<string, unknown>): string {
  const otherIds = (userinfo['otherIds'] ?? []) as { identifiant?: string; origine?: string }[]
  return otherIds.find((id) => id.origine === 'RPPS')?.identifiant ?? ''
}

async function getJson(url: string): Promise<unknown> {
  const response = await fetch(url)
  if (!response.ok) throw new Error(`Pro Santé Connect injoignable : GET ${url} → HTTP ${response.status}`)
  return response.json()
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url')
}
