import { describe, expect, it } from 'vitest'
import {
  findInsInText,
  identityStatusRule,
  insFromPatientMailbox,
  insFromXdsPatientId,
  insTransmissionIssues,
  mayTransmitIns,
  statusAfter,
} from '../../../../harness/validate/identity/index.ts'

const INS = '279035121518989'

describe('RNIV identity statuses', () => {
  it('needs both the INSi answer and a high-trust ID document for QUAL', () => {
    expect(statusAfter('PROV', 'insi-found')).toBe('RECUP')
    expect(statusAfter('PROV', 'id-document-checked')).toBe('VALI')
    expect(statusAfter('RECUP', 'id-document-checked')).toBe('QUAL')
    expect(statusAfter('VALI', 'insi-found')).toBe('QUAL')
    expect(statusAfter('QUAL', 'insi-found')).toBe('QUAL')
  })

  it('passes the right status and fails a premature QUAL or an unknown status, with INS-001', () => {
    expect(identityStatusRule.check({ previous: 'PROV', event: 'insi-found', reported: 'RECUP', path: 'result.status' })).toEqual([])
    const [early] = identityStatusRule.check({ previous: 'PROV', event: 'insi-found', reported: 'QUAL', path: 'result.status' })
    expect(early).toMatchObject({ severity: 'error', requirement: 'INS-001', params: { expected: 'RECUP' } })
    const [unknown] = identityStatusRule.check({ previous: 'PROV', event: 'insi-found', reported: 'VIDE', path: 'result.status' })
    expect(unknown).toMatchObject({ code: 'code-invalid', requirement: 'INS-001' })
  })
})

describe('INS transmitted only when QUAL (INS/va1.53)', () => {
  const sighting = { carrier: 'cda' as const, value: INS, path: '/ClinicalDocument/recordTarget/patientRole/id', evidence: 'e-0001' }

  it('allows the INS of a qualified identity anywhere', () => {
    expect(mayTransmitIns('QUAL')).toBe(true)
    expect(insTransmissionIssues('QUAL', INS, [sighting])).toEqual([])
  })

  it.each(['PROV', 'RECUP', 'VALI'] as const)('reports each artefact carrying the INS of a %s identity', (status) => {
    const issues = insTransmissionIssues(status, INS, [sighting, { ...sighting, carrier: 'mssante-patient-address', path: 'To' }])
    expect(issues).toHaveLength(2)
    expect(issues[0]).toMatchObject({ severity: 'error', code: 'security', rule: 'identity/ins-only-when-qualified', requirement: 'INS-005', evidence: 'e-0001' })
    expect(issues[1]!.message).toMatch(/adresse MSSanté du patient/)
  })

  it('ignores another usager\'s INS', () => {
    expect(insTransmissionIssues('RECUP', INS, [{ ...sighting, value: '297022A02077878' }])).toEqual([])
  })

  it('extracts the INS from a patient MSSanté address, an XDS patientId, or any text', () => {
    expect(insFromPatientMailbox(`mailto:${INS}@patient.mssante.fr`)).toBe(INS)
    expect(insFromPatientMailbox('claire.martin@test.mssante.fr')).toBeUndefined()
    expect(insFromXdsPatientId(`${INS}^^^&1.2.250.1.213.1.4.10&ISO`)).toEqual({ value: INS, oid: '1.2.250.1.213.1.4.10' })
    expect(findInsInText(`<id extension="${INS}"/>`, INS, 'cda', '/x')).toHaveLength(1)
    expect(findInsInText('<id extension="other"/>', INS, 'cda', '/x')).toEqual([])
  })
})
