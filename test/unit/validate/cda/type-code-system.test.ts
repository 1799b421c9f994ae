import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { validateCda } from '../../../../harness/validate/cda/index.ts'

// JDV_J07 is known only in part, but every concept of it with an OID code system is LOINC or
// TRE_A05: a code from any other code system is outside the value set for sure.
const N1 = readFileSync(new URL('../../../fixtures/cda/n1-pdf-valid.xml', import.meta.url), 'utf8')
const LOINC_CODE = '<code code="80788-3" codeSystem="2.16.840.1.113883.6.1"'

function withCode(code: string, codeSystem: string): string {
  const out = N1.replace(LOINC_CODE, `<code code="${code}" codeSystem="${codeSystem}"`)
  expect(out).not.toBe(N1)
  return out
}

describe('cda/header-code: code system of the document type (DOC-005)', () => {
  it('accepts the fixture\'s LOINC code and a known TRE_A05 code', async () => {
    expect((await validateCda(N1)).issues).toEqual([])
    expect((await validateCda(withCode('EXPORT_DUI', '1.2.250.1.213.1.1.4.12'))).issues).toEqual([])
  })

  it('is an error, not a warning, when the code system is neither LOINC nor TRE_A05', async () => {
    const result = await validateCda(withCode('28653-4', '1.2.250.1.213.1.1.5.471'))
    expect(result.valid).toBe(false)
    expect(result.issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'cda/header-code',
        requirement: 'DOC-005',
        code: 'code-invalid',
        location: expect.objectContaining({ path: '/ClinicalDocument/code[1]' }),
        message: expect.stringContaining('1.2.250.1.213.1.1.5.471'),
      }),
    ])
  })

  it('stays a warning for an unknown code of a code system the value set uses', async () => {
    const result = await validateCda(withCode('11502-2', '2.16.840.1.113883.6.1'))
    expect(result.valid).toBe(true)
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'warning', rule: 'cda/header-code', requirement: 'DOC-005' })])
  })
})
