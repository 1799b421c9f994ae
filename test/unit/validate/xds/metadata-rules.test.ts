import { describe, expect, it } from 'vitest'
import { XmlDocument, XmlElement } from 'libxml2-wasm'
import { isBlocking } from '../../../../harness/core/issue.ts'
import { validateProvideBundle } from '../../../../harness/validate/fhir/mhd/index.ts'
import { NS } from '../../../../harness/validate/xds/ebrim-constants.ts'
import { submissionFromEbrim } from '../../../../harness/validate/xds/from-ebrim.ts'
import { validateSubmissionWithDocuments } from '../../../../harness/validate/xds/index.ts'
import { kitN1Document } from '../../../fixtures/documents/kit-n1-document.ts'
import { validProvideBundle } from '../../../fixtures/fhir/provide-bundle.ts'
import { iti41Envelope } from '../../../fixtures/xds/iti41-request.ts'

const errors = async (bundle: unknown) => (await validateProvideBundle(JSON.stringify(bundle))).issues.filter(isBlocking)
const docRef = (bundle: Record<string, any>) => bundle['entry'][1].resource

describe('xds/coded-metadata (DMP-005)', () => {
  it.each([
    ['a facility type outside TRE_R02', (d: any) => (d.context.facilityType.coding[0].code = 'EHPAD'), 'Bundle.entry[1].resource.context.facilityType', /n'est pas un secteur d'activité TRE_R02/],
    ['an unknown practice setting', (d: any) => (d.context.practiceSetting.coding[0].code = 'CLINIQUE'), 'Bundle.entry[1].resource.context.practiceSetting', /practiceSettingCode « CLINIQUE »/],
    ['an unknown format code', (d: any) => (d.content[0].format.code = 'urn:example:pdf'), 'Bundle.entry[1].resource.content[0].format', /formatCode « urn:example:pdf »/],
    ['a missing class code', (d: any) => delete d.category, 'Bundle.entry[1].resource.category', /classCode est absent/],
    ['an unknown confidentiality code', (d: any) => d.securityLabel.push({ coding: [{ code: 'SECRET' }] }), 'Bundle.entry[1].resource.securityLabel', /« SECRET »/],
    ['two confidentiality levels', (d: any) => d.securityLabel.push({ coding: [{ code: 'R' }] }), 'Bundle.entry[1].resource.securityLabel', /un et un seul niveau/],
  ])('refuses %s', async (_what, mutate, path, message) => {
    const bundle = validProvideBundle()
    mutate(docRef(bundle))
    const found = (await errors(bundle)).filter((i) => i.rule === 'xds/coded-metadata')
    expect(found).toContainEqual(expect.objectContaining({ requirement: 'DMP-005', location: { path } }))
    expect(found.map((i) => i.message).join('\n')).toMatch(message)
  })

  it('only warns for a code outside the part of a value set the harness knows', async () => {
    const bundle = validProvideBundle()
    docRef(bundle).category[0].coding[0].code = '99'
    const issues = (await validateProvideBundle(JSON.stringify(bundle))).issues.filter((i) => i.rule === 'xds/coded-metadata')
    expect(issues).toContainEqual(expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/classCode « 99 »/) }))
    expect(issues.filter(isBlocking)).toEqual([])
  })
})

describe('xds/cda-consistency (DMP-006)', () => {
  it('refuses a typeCode that is not the CDA code', async () => {
    const bundle = validProvideBundle()
    docRef(bundle).type.coding[0].code = '28653-4'
    expect(await errors(bundle)).toContainEqual(expect.objectContaining({ rule: 'xds/cda-consistency', requirement: 'DMP-006', message: expect.stringMatching(/typeCode vaut « 28653-4 » dans les métadonnées et « 11502-2 »/) }))
  })

  it('refuses metadata naming another patient than the CDA', async () => {
    const bundle = validProvideBundle()
    const other = kitN1Document({ ins: '185077512345608' })
    bundle['entry'][2].resource.data = other.toString('base64')
    docRef(bundle).content[0].attachment.size = other.length
    docRef(bundle).content[0].attachment.hash = (await import('node:crypto')).createHash('sha1').update(other).digest('base64')
    expect((await errors(bundle)).map((i) => i.message).join('\n')).toMatch(/matricule INS du patient vaut « 279035121518989 » dans les métadonnées et « 185077512345608 »/)
  })

  it('refuses a uniqueId that is not the CDA id, and an N1 format that is not the mediaType\'s', async () => {
    const bundle = validProvideBundle()
    docRef(bundle).masterIdentifier.value = 'urn:oid:2.25.42'
    docRef(bundle).content[0].format.code = 'urn:ihe:iti:xds-sd:text:2008'
    const messages = (await errors(bundle)).filter((i) => i.rule === 'xds/cda-consistency').map((i) => i.message)
    expect(messages).toEqual(expect.arrayContaining([expect.stringMatching(/identifiant unique vaut « 2.25.42 »/), expect.stringMatching(/formatCode vaut « urn:ihe:iti:xds-sd:text:2008 »/)]))
  })

  it('runs the embedded CDA through the CDA validator and keeps its requirement', async () => {
    const bundle = validProvideBundle()
    const broken = Buffer.from(kitN1Document().toString('utf8').replace('<realmCode code="FR"/>', ''))
    bundle['entry'][2].resource.data = broken.toString('base64')
    docRef(bundle).content[0].attachment.size = broken.length
    docRef(bundle).content[0].attachment.hash = (await import('node:crypto')).createHash('sha1').update(broken).digest('base64')
    const cda = (await errors(bundle)).filter((i) => i.rule.startsWith('cda/'))
    expect(cda.length).toBeGreaterThan(0)
    expect(cda[0]!.requirement).toMatch(/^DOC-/)
    expect(cda[0]!.location?.path).toMatch(/^fiche 1 › /)
  })
})

describe('ebRIM adapter', () => {
  function ebrim(envelope: string) {
    const doc = XmlDocument.fromString(envelope)
    const list = doc.get('//rim:RegistryObjectList', { rim: NS.rim }) as XmlElement
    return { doc, list }
  }

  it('reads the same metadata as the FHIR side: a valid ITI-41 has no blocking issue', async () => {
    const { doc, list } = ebrim(iti41Envelope())
    try {
      const parsed = submissionFromEbrim(list, new Map([['Document01', kitN1Document()]]), 'DMP-008')
      expect(parsed.issues).toEqual([])
      expect((await validateSubmissionWithDocuments(parsed.submission)).issues.filter(isBlocking)).toEqual([])
      expect(parsed.submission.entries[0]!.patientId?.value).toEqual({ value: '279035121518989', oid: '1.2.250.1.213.1.4.10' })
    } finally {
      doc.dispose()
    }
  })

  it('reports a document entry not attached to the submission set, with its location', () => {
    const { doc, list } = ebrim(iti41Envelope().replace(/<rim:Association [^>]*HasMember[\s\S]*?<\/rim:Association>/, ''))
    try {
      const parsed = submissionFromEbrim(list, new Map([['Document01', kitN1Document()]]), 'DMP-008')
      expect(parsed.issues).toContainEqual(expect.objectContaining({ rule: 'xds/ebrim-structure', requirement: 'DMP-008', location: { path: "ExtrinsicObject[@id='Document01']" } }))
    } finally {
      doc.dispose()
    }
  })
})
