import { describe, expect, it } from 'vitest'
import { insiNoMatchRule, insiRequestRule, insStoredRule, readInsiRequest } from '../../../../harness/validate/identity/index.ts'
import { insiRequest } from '../../../fixtures/insi/requests.ts'

describe('INSi request rule (INS-002)', () => {
  const read = (xml: string) => {
    const request = readInsiRequest(xml)
    if (!request.ok) throw new Error(request.reason)
    return request
  }

  it('accepts a complete traits search', () => {
    expect(insiRequestRule.check(read(insiRequest()))).toEqual([])
  })

  it('reports missing ContexteLPS and ContexteBAM, a wrong action and missing traits', () => {
    const issues = insiRequestRule.check(read(insiRequest({ withoutLps: true, withoutBam: true, action: 'urn:autre', traits: { Sexe: 'X', DateNaissance: '26/02/1997' } })))
    const messages = issues.map((issue) => issue.message).join('\n')
    expect(messages).toMatch(/ctxlps:ContexteLPS .* absent/)
    expect(messages).toMatch(/ctxbam:ContexteBAM .* absent/)
    expect(messages).toMatch(/wsa:Action vaut « urn:autre »/)
    expect(messages).toMatch(/Sexe vaut « X »/)
    expect(messages).toMatch(/AAAA-MM-JJ/)
    expect(issues.every((issue) => issue.requirement === 'INS-002')).toBe(true)
  })

  it('refuses a DOCTYPE, ill-formed XML and a SOAP 1.1 envelope in French', () => {
    expect(readInsiRequest('<!DOCTYPE x [<!ENTITY a "b">]><x/>')).toMatchObject({ ok: false, problem: 'xml' })
    expect(readInsiRequest('<soap:Envelope')).toMatchObject({ ok: false, problem: 'xml' })
    expect(readInsiRequest('<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>')).toMatchObject({ ok: false, problem: 'envelope', reason: expect.stringMatching(/SOAP 1.1/) })
  })
})

describe('INSi outcome rules', () => {
  it('CR 02 must be reported as several identities, without INS, status unchanged (INS-003)', () => {
    expect(insiNoMatchRule.check({ code: '02', previous: 'PROV', result: { outcome: 'multiple', status: 'PROV' } })).toEqual([])
    const issues = insiNoMatchRule.check({ code: '02', previous: 'PROV', result: { outcome: 'not-found', status: 'RECUP', ins: { value: 'x' } } })
    expect(issues.map((issue) => issue.location?.path)).toEqual(['result.outcome', 'result.ins', 'result.status'])
    expect(issues.every((issue) => issue.requirement === 'INS-003')).toBe(true)
  })

  const returned = {
    ins: { value: '297022A02077878', oid: '1.2.250.1.213.1.4.8' },
    traits: { birthFamilyName: 'ADRTROIS', firstBirthGivenName: 'DOMINIQUE', birthGivenNames: 'DOMINIQUE', sex: 'F' as const, birthDate: '1997-02-26', birthPlaceCode: '2A020' },
  }

  it('CR 00: the INS, its OID and the INSi traits are stored as returned (INS-004)', () => {
    expect(insStoredRule.check({ returned, result: { ins: returned.ins, traits: returned.traits } })).toEqual([])
    const issues = insStoredRule.check({ returned, result: { ins: { value: '297022A02077879', oid: '1.2.250.1.213.1.4.10' }, traits: { ...returned.traits, birthPlaceCode: '20004' } } })
    expect(issues.map((issue) => issue.location?.path).sort()).toEqual(['result.ins.oid', 'result.ins.value', 'result.traits.birthPlaceCode'])
    expect(issues.find((issue) => issue.location?.path === 'result.ins.value')!.message).toMatch(/clé calculée est 78/)
  })
})
