import { describe, expect, it } from 'vitest'
import {
  annuaireMailboxRule,
  annuaireSearchRule,
  MAILBOX_MSS_EXTENSION,
  mssanteMailboxes,
  pscAuthorizationRule,
  pscTokenRejectionRule,
  pscTokenRequestRule,
  pscUserIdentityRule,
} from '../../../../harness/validate/identity/index.ts'

const goodQuery = () =>
  new URLSearchParams({ response_type: 'code', client_id: 'dui', redirect_uri: 'http://127.0.0.1/cb', scope: 'openid scope_all', acr_values: 'eidas1', state: 's'.repeat(16), nonce: 'n'.repeat(32), code_challenge: 'c'.repeat(43), code_challenge_method: 'S256' })

describe('Pro Santé Connect rules', () => {
  it('accepts a PSC-shaped authorization request and reports each deviation (PSC-001)', () => {
    expect(pscAuthorizationRule.check({ query: goodQuery() })).toEqual([])
    const query = goodQuery()
    query.set('scope', 'openid')
    query.delete('acr_values')
    query.set('code_challenge_method', 'plain')
    query.set('nonce', 'abc')
    const paths = pscAuthorizationRule.check({ query }).map((issue) => issue.location?.path)
    expect(paths).toEqual(['query.scope', 'query.acr_values', 'query.nonce', 'query.code_challenge_method'])
  })

  it('requires the PKCE code_verifier in the token request (PSC-001)', () => {
    const form = new URLSearchParams({ grant_type: 'authorization_code', code: 'x', redirect_uri: 'http://127.0.0.1/cb', code_verifier: 'v'.repeat(43) })
    expect(pscTokenRequestRule.check({ form, basicAuth: true })).toEqual([])
    form.delete('code_verifier')
    expect(pscTokenRequestRule.check({ form, basicAuth: false }).map((issue) => issue.location?.path)).toEqual(['form.code_verifier', 'form.client_id'])
  })

  it('fails when the DUI accepted a faulty id_token, passes when it refused (PSC-002)', () => {
    expect(pscTokenRejectionRule.check({ fault: 'acr', accepted: false, message: 'refusé' })).toEqual([])
    expect(pscTokenRejectionRule.check({ fault: 'nonce', accepted: true })[0]).toMatchObject({ requirement: 'PSC-002', code: 'security' })
  })

  it('compares the identity the DUI read with the userinfo (PSC-003)', () => {
    const expected = { nationalId: 'ANS20260101090000', familyName: 'BERNARD', givenName: 'Hugo' }
    expect(pscUserIdentityRule.check({ expected, result: { ...expected } })).toEqual([])
    expect(pscUserIdentityRule.check({ expected, result: { ...expected, nationalId: undefined } })[0]).toMatchObject({ code: 'required', requirement: 'PSC-003' })
  })
})

describe('Annuaire rules', () => {
  it('accepts a targeted FHIR search, refuses a bulk or non-search call (ANN-001)', () => {
    expect(annuaireSearchRule.check({ method: 'GET', path: '/Practitioner', query: new URLSearchParams({ family: 'DURAND' }) })).toEqual([])
    expect(annuaireSearchRule.check({ method: 'GET', path: '/Practitioner', query: new URLSearchParams({ _count: '1000' }) })[0]).toMatchObject({ code: 'too-costly', requirement: 'ANN-001' })
    expect(annuaireSearchRule.check({ method: 'POST', path: '/Patient', query: new URLSearchParams() }).map((issue) => issue.code)).toEqual(['value', 'not-supported', 'too-costly'])
    // _id names the correspondent; a read is not a search; _include alone still asks for everyone.
    expect(annuaireSearchRule.check({ method: 'GET', path: '/Practitioner', query: new URLSearchParams({ _id: 'ann-pr-durand' }) })).toEqual([])
    expect(annuaireSearchRule.check({ method: 'GET', path: '/Practitioner/ann-pr-durand', query: new URLSearchParams() })).toEqual([])
    expect(annuaireSearchRule.check({ method: 'GET', path: '/PractitionerRole', query: new URLSearchParams({ _include: 'PractitionerRole:practitioner' }) })[0]).toMatchObject({ code: 'too-costly' })
  })

  it('finds the MSSanté mailbox by its extension and flags another email (ANN-002)', () => {
    const entry = { telecom: [{ system: 'email', value: 'a@exemple.fr' }, { system: 'email', value: 'a@test.mssante.fr', extension: [{ url: MAILBOX_MSS_EXTENSION }] }] }
    expect(mssanteMailboxes(entry)).toEqual(['a@test.mssante.fr'])
    expect(annuaireMailboxRule.check({ expected: 'a@test.mssante.fr', otherEmails: ['a@exemple.fr'], reported: 'a@test.mssante.fr' })).toEqual([])
    expect(annuaireMailboxRule.check({ expected: 'a@test.mssante.fr', otherEmails: ['a@exemple.fr'], reported: 'a@exemple.fr' })[0]!.message).toMatch(/hors MSSanté/)
  })
})
