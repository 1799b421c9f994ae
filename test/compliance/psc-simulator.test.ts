import { createHash, randomBytes } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { PSC_TEST_PROFESSIONALS, startPsc, WRONG_ACR, type RunningPsc } from '../../mocks/psc/index.ts'

const CLIENT = 'client-de-test'
const REDIRECT = 'http://127.0.0.1/callback'

describe('Pro Santé Connect simulator, OIDC over a real socket', () => {
  let psc: RunningPsc
  let discovery: Record<string, string>

  beforeAll(async () => {
    psc = await startPsc({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'psc-'))) })
    discovery = (await (await fetch(`${psc.issuer}/.well-known/wallet-openid-configuration`)).json()) as Record<string, string>
  })
  afterAll(() => psc.close())

  /** A client doing the PSC code flow; returns the raw token response. */
  async function codeFlow(options: { sentVerifier?: string; sendVerifier?: boolean } = {}) {
    const verifier = randomBytes(32).toString('base64url')
    const nonce = randomBytes(32).toString('hex')
    const authorize = new URL(discovery['authorization_endpoint']!)
    authorize.search = new URLSearchParams({ response_type: 'code', client_id: CLIENT, redirect_uri: REDIRECT, scope: 'openid scope_all', acr_values: 'eidas1', state: 'etat-0123456789', nonce, code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' }).toString()
    const redirect = await fetch(authorize, { redirect: 'manual' })
    const callback = new URL(redirect.headers.get('location')!)
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: callback.searchParams.get('code')!, redirect_uri: REDIRECT, client_id: CLIENT })
    if (options.sendVerifier !== false) form.set('code_verifier', options.sentVerifier ?? verifier)
    const token = await fetch(discovery['token_endpoint']!, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })
    return { nonce, callback, status: token.status, body: (await token.json()) as Record<string, string> }
  }

  it('publishes a PSC-shaped discovery document on the realm path, with the issuer it signs with', () => {
    expect(psc.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/auth\/realms\/esante-wallet$/)
    expect(discovery).toMatchObject({ issuer: psc.issuer, acr_values_supported: ['eidas1'], scopes_supported: ['openid', 'scope_all'] })
    expect(discovery['token_endpoint']).toBe(`${psc.issuer}/protocol/openid-connect/token`)
  })

  it('runs the code flow with PKCE: a verifiable id_token (iss, aud, nonce, acr eidas1) and PSC userinfo claims', async () => {
    psc.planNextLogin(PSC_TEST_PROFESSIONALS.educator)
    const flow = await codeFlow()
    expect(flow.callback.searchParams.get('state')).toBe('etat-0123456789')
    expect(flow.status).toBe(200)
    const { payload } = await jwtVerify(flow.body['id_token']!, createRemoteJWKSet(new URL(discovery['jwks_uri']!)), { issuer: psc.issuer, audience: CLIENT })
    expect(payload).toMatchObject({ acr: 'eidas1', nonce: flow.nonce, preferred_username: 'ANS20260101090000' })
    const userinfo = (await (await fetch(discovery['userinfo_endpoint']!, { headers: { authorization: `Bearer ${flow.body['access_token']}` } })).json()) as Record<string, unknown>
    expect(userinfo).toMatchObject({ sub: payload.sub, SubjectNameID: 'ANS20260101090000', family_name: 'BERNARD', otherIds: [] })
    const authorization = await psc.nextAuthorization(AbortSignal.timeout(5000))
    expect(authorization!.meta.issues).toEqual([])
  })

  it.each([
    ['acr', { acr: WRONG_ACR }],
    ['audience', { aud: 'autre-client-psc' }],
  ] as const)('issues a signed id_token with the wrong %s when planned', async (fault, expected) => {
    psc.planNextLogin(PSC_TEST_PROFESSIONALS.nurse, fault)
    const flow = await codeFlow()
    expect(decodeJwt(flow.body['id_token']!)).toMatchObject(expected)
  })

  it('issues a wrong nonce when planned, and correct tokens again after reset', async () => {
    psc.planNextLogin(PSC_TEST_PROFESSIONALS.nurse, 'nonce')
    const wrong = await codeFlow()
    expect(decodeJwt(wrong.body['id_token']!)['nonce']).not.toBe(wrong.nonce)
    psc.reset()
    const right = await codeFlow()
    expect(decodeJwt(right.body['id_token']!)).toMatchObject({ nonce: right.nonce, acr: 'eidas1', aud: CLIENT })
  })

  it('refuses a wrong PKCE verifier, and records a token request without verifier as non-conforming (PSC-001)', async () => {
    expect((await codeFlow({ sentVerifier: 'x'.repeat(43) })).status).toBe(400)
    const flow = await codeFlow({ sendVerifier: false })
    const code = flow.callback.searchParams.get('code')!
    const token = await psc.nextToken(code, AbortSignal.timeout(5000))
    expect(token!.meta.issues.map((issue) => issue.location?.path)).toEqual(['form.code_verifier'])
  })

  it('answers userinfo with an unknown access token by 401', async () => {
    expect((await fetch(discovery['userinfo_endpoint']!, { headers: { authorization: 'Bearer inconnu' } })).status).toBe(401)
  })
})
