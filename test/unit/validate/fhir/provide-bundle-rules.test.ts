import { describe, expect, it } from 'vitest'
import { isBlocking } from '../../../../harness/core/issue.ts'
import { validateProvideBundle } from '../../../../harness/validate/fhir/mhd/index.ts'
import { validProvideBundle } from '../../../fixtures/fhir/provide-bundle.ts'

async function validate(bundle: unknown) {
  return (await validateProvideBundle(JSON.stringify(bundle))).issues
}

describe('ITI-65 provide bundle: structure and shared XDS metadata rules', () => {
  it('finds nothing wrong in a valid bundle and reads the patient INS', async () => {
    const result = await validateProvideBundle(JSON.stringify(validProvideBundle()))
    expect(result.issues.filter(isBlocking)).toEqual([])
    expect(result.ins).toEqual({ oid: '1.2.250.1.213.1.4.10', value: '279035121518989' })
  })

  it('mhd/iti65-json: a body that is not JSON is a fatal issue of DMP-001', async () => {
    const [issue] = (await validateProvideBundle('{"resourceType": "Bundle",')).issues
    expect(issue).toMatchObject({ severity: 'fatal', rule: 'mhd/iti65-json', requirement: 'DMP-001' })
  })

  describe('mhd/iti65-bundle-structure (DMP-001)', () => {
    it('requires a transaction bundle', async () => {
      const bundle = validProvideBundle()
      bundle['type'] = 'batch'
      expect(await validate(bundle)).toContainEqual(expect.objectContaining({ rule: 'mhd/iti65-bundle-structure', requirement: 'DMP-001', location: { path: 'Bundle.type' } }))
    })

    it('requires exactly one submission set', async () => {
      const bundle = validProvideBundle()
      bundle['entry'].splice(0, 1)
      const issues = await validate(bundle)
      expect(issues.map((i) => i.message).join('\n')).toMatch(/0 lot\(s\) de soumission/)
    })

    it('requires each attachment to point to a Binary of the bundle', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][1].resource.content[0].attachment.url = 'urn:uuid:nowhere'
      expect(await validate(bundle)).toContainEqual(
        expect.objectContaining({ rule: 'mhd/iti65-bundle-structure', location: { path: 'Bundle.entry[1].resource.content[0].attachment.url' } }),
      )
    })

    it('requires every document to be listed by the submission set', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][0].resource.entry = []
      expect((await validate(bundle)).some((i) => i.rule === 'mhd/iti65-bundle-structure' && /n'est pas référencée/.test(i.message))).toBe(true)
    })

    it('requires POST entries', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][2].request.method = 'PUT'
      expect(await validate(bundle)).toContainEqual(expect.objectContaining({ location: { path: 'Bundle.entry[2].request.method' } }))
    })
  })

  describe('xds/patient-id-ins (DMP-002)', () => {
    it('rejects an identifier system that is not an INS authority', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][1].resource.subject = { reference: 'Patient?identifier=urn:oid:1.2.250.1.213.1.4.2|279035121518989' }
      expect(await validate(bundle)).toContainEqual(
        expect.objectContaining({ rule: 'xds/patient-id-ins', requirement: 'DMP-002', code: 'code-invalid', location: { path: 'Bundle.entry[1].resource.subject' } }),
      )
    })

    it('rejects an INS with a wrong key', async () => {
      const issues = await validate(validProvideBundle('279035121518988'))
      expect(issues.filter((i) => i.rule === 'xds/patient-id-ins' && /clé/.test(i.message))).toHaveLength(2)
    })

    it('rejects a subject that does not designate the patient by INS', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][0].resource.subject = { reference: 'Patient/123' }
      expect(await validate(bundle)).toContainEqual(expect.objectContaining({ rule: 'xds/patient-id-ins', code: 'value', location: { path: 'Bundle.entry[0].resource.subject' } }))
    })

    it('rejects two different patients in one submission', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][1].resource.subject = { reference: 'Patient?identifier=urn:oid:1.2.250.1.213.1.4.10|180012B00401254' }
      expect((await validate(bundle)).some((i) => i.rule === 'xds/patient-id-ins' && /plusieurs patients/.test(i.message))).toBe(true)
    })
  })

  describe('xds/size-hash (DMP-003)', () => {
    it('rejects a size that is not the size of the Binary', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][1].resource.content[0].attachment.size += 1
      expect(await validate(bundle)).toContainEqual(
        expect.objectContaining({ rule: 'xds/size-hash', requirement: 'DMP-003', location: { path: 'Bundle.entry[1].resource.content[0].attachment.size' } }),
      )
    })

    it('rejects a hash that is not the SHA-1 of the Binary', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][2].resource.data = Buffer.from('<autre/>').toString('base64')
      const hash = (await validate(bundle)).find((i) => i.location?.path.endsWith('.hash'))
      expect(hash).toMatchObject({ rule: 'xds/size-hash', code: 'value' })
    })

    it('requires size and hash', async () => {
      const bundle = validProvideBundle()
      delete bundle['entry'][1].resource.content[0].attachment.hash
      delete bundle['entry'][1].resource.content[0].attachment.size
      expect((await validate(bundle)).filter((i) => i.rule === 'xds/size-hash' && i.code === 'required')).toHaveLength(2)
    })
  })

  describe('xds/unique-id-oid (DMP-004)', () => {
    it('rejects a local document number as uniqueId', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][1].resource.masterIdentifier.value = 'DOC-0001'
      expect(await validate(bundle)).toContainEqual(
        expect.objectContaining({ rule: 'xds/unique-id-oid', requirement: 'DMP-004', location: { path: 'Bundle.entry[1].resource.masterIdentifier.value' } }),
      )
    })

    it('rejects the same uniqueId for the document and the submission set', async () => {
      const bundle = validProvideBundle()
      bundle['entry'][0].resource.identifier[0].value = bundle['entry'][1].resource.masterIdentifier.value
      expect((await validate(bundle)).some((i) => i.rule === 'xds/unique-id-oid' && /déjà utilisé/.test(i.message))).toBe(true)
    })

    it('requires a submission set uniqueId', async () => {
      const bundle = validProvideBundle()
      delete bundle['entry'][0].resource.identifier
      expect(await validate(bundle)).toContainEqual(expect.objectContaining({ rule: 'xds/unique-id-oid', code: 'required', location: { path: 'Bundle.entry[0].resource.identifier' } }))
    })
  })
})
