import { describe, expect, it } from 'vitest'
import { insFormatProblem, insKey, isInsAuthorityOid } from '../../../../harness/validate/identity/ins.ts'

describe('INS matricule', () => {
  it('accepts the national test INS with its key', () => {
    expect(insKey('2790351215189')).toBe(89)
    expect(insFormatProblem('279035121518989')).toBeUndefined()
  })

  it('rejects a wrong key and says which key was expected', () => {
    expect(insFormatProblem('279035121518988')).toMatch(/clé calculée est 89/)
  })

  it('rejects a matricule of the wrong length or shape', () => {
    expect(insFormatProblem('27903512151898')).toMatch(/15 caractères/)
    expect(insFormatProblem('979035121518989')).toMatch(/forme d'un NIR/)
  })

  it('computes Corsican keys with 2A as 19 and 2B as 18', () => {
    const a = '17001' + '2A' + '004012'
    const b = '17001' + '2B' + '004012'
    expect(insKey(a)).toBe(97 - Number(BigInt('1700119004012') % 97n))
    expect(insKey(b)).toBe(97 - Number(BigInt('1700118004012') % 97n))
    expect(insFormatProblem(a + String(insKey(a)).padStart(2, '0'))).toBeUndefined()
  })

  it('knows the four INS authority OIDs and nothing else', () => {
    for (const oid of ['1.2.250.1.213.1.4.8', '1.2.250.1.213.1.4.9', '1.2.250.1.213.1.4.10', '1.2.250.1.213.1.4.11']) expect(isInsAuthorityOid(oid)).toBe(true)
    expect(isInsAuthorityOid('1.2.250.1.213.1.4.2')).toBe(false)
  })
})
