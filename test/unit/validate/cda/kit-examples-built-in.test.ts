import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateCdaFile } from '../../../../harness/validate/cda/index.ts'
import { MEDICO_SOCIAL_EXAMPLES, kitAvailable, kitDir } from '../../../helpers/kit-location.ts'

describe.skipIf(!kitAvailable)('official médico-social examples, built-in rules', () => {
  it.each(MEDICO_SOCIAL_EXAMPLES)('%s passes with no error', async (file, kind) => {
    const result = await validateCdaFile(resolve(kitDir, 'ExemplesCDA', file))
    expect(result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')).toEqual([])
    expect(result.valid).toBe(true)
    expect(result.header?.medicoSocialType).toBe(kind)
  })

  it('reads the header facts of the N1 example (INS, traits, formatCode)', async () => {
    const result = await validateCdaFile(resolve(kitDir, 'ExemplesCDA', 'DOC_NON_STRUCTURE_CDA-R2-N1.xml'))
    expect(result.header).toMatchObject({
      body: 'non-xml',
      mediaType: 'application/pdf',
      formatCode: { code: 'urn:ihe:iti:xds-sd:pdf:2008', certainty: 'mapped' },
      confidentiality: { code: 'N', codeSystem: '2.16.840.1.113883.5.25' },
      versionNumber: 1,
      patient: {
        ins: { value: '279035121518989', oid: '1.2.250.1.213.1.4.10', label: 'INS-NIR de test' },
        birthFamilyName: 'PAT-TROIS',
        firstBirthGivenName: 'DOMINIQUE',
        birthTime: '19790328',
        administrativeGender: 'F',
        birthplaceCode: '51215',
      },
    })
  })
})
