import { describe, expect, it } from 'vitest'
import { DOCUMENT_MODELS, findModel } from '../../../examples/reference-dui/cda/models.ts'
import type { Mistakes } from '../../../examples/reference-dui/defects/index.ts'
import { DocumentStore } from '../../../examples/reference-dui/documents.ts'
import type { Usager } from '../../../examples/reference-dui/usagers.ts'
import { isBlocking } from '../../../harness/core/issue.ts'
import { validateCda, type CdaValidationOptions } from '../../../harness/validate/cda/index.ts'
import { kitAvailable, kitDir, kitTestCacheDir } from '../../helpers/kit-location.ts'

// The reference DUI's document models, judged by the harness's CDA validator as a DMP would.
const resident: Usager = {
  localId: 'USG-T-01',
  status: 'QUAL',
  ins: { value: '238065145401203', oid: '1.2.250.1.213.1.4.10' },
  birthFamilyName: 'TESTDLU',
  firstBirthGivenName: 'MARCELLE',
  birthGivenNames: 'MARCELLE',
  sex: 'F',
  birthDate: '1938-06-14',
  birthPlaceCode: '51454',
}

/** The médico-social type the harness must recognise for each model the DUI writes. */
const EXPECTED_KIND: Record<string, string> = {
  dlu: 'dlu',
  fludt: 'fludt',
  fludr: 'fludr',
  vsm: 'vsm',
  'ips-fr-dlu': 'ips-fr-dlu',
  'lettre-liaison-entree': 'ldl-esms-entree',
  'lettre-liaison-sortie': 'ldl-esms-sortie',
  'projet-personnalise': 'projet-personnalise',
}

function produce(name: string, mistakes: Mistakes = {}) {
  const model = findModel(name)
  if (!model) throw new Error(`modèle inconnu : ${name}`)
  return new DocumentStore(mistakes).produceModel(resident, model)
}

describe('reference DUI document models', () => {
  it('knows every model the harness asks for', () => {
    expect(DOCUMENT_MODELS.map((m) => m.name).sort()).toEqual(Object.keys(EXPECTED_KIND).sort())
  })

  it.each(DOCUMENT_MODELS.map((m) => [m.name, m.format] as const))('%s (%s) passes the built-in rules and is recognised as its model', async (name, format) => {
    const document = produce(name)
    const result = await validateCda(document.cda, { identity: { status: 'qualifiee', ins: resident.ins!.value } })
    expect(result.issues).toEqual([])
    expect(result.header?.medicoSocialType).toBe(EXPECTED_KIND[name])
    expect(result.header?.body).toBe(format === 'cda-structured' ? 'structured' : 'non-xml')
    // The metadata the DUI will declare say what the document says.
    expect(result.header?.typeCode).toEqual(document.typeCode)
    expect(result.header?.formatCode?.code).toBe(document.formatCode.code)
    expect(result.header?.documentId?.root).toBe(document.id)
  })

  it.each([
    ['dlu', { dluWithoutAttendingPhysician: true }, 'DOC-010', 'cda/ms-informant'],
    ['fludt', { fludtTransferStartUnknown: true }, 'DOC-011', 'cda/ms-service-event'],
    ['vsm', { vsmLoincTypeCode: true }, 'DOC-012', 'cda/ms-document-code'],
    ['ips-fr-dlu', { ipsWithoutIpsTemplate: true }, 'DOC-014', 'cda/ms-template-id'],
  ] as const)('%s with a seeded mistake fails %s only (%s)', async (name, mistakes, requirement, rule) => {
    const result = await validateCda(produce(name, mistakes).cda)
    const blocking = result.issues.filter(isBlocking)
    expect(blocking).toEqual([expect.objectContaining({ rule, requirement, severity: 'error' })])
  })

  it.each([
    ['lettre-liaison-sortie', { exitLetterHospitalCode: true }, '11490-0'],
    ['projet-personnalise', { projectAsCarePlan: true }, '18776-5'],
  ] as const)('%s typed with another JDV_J07 code is valid but no longer recognised as its model', async (name, mistakes, code) => {
    const result = await validateCda(produce(name, mistakes).cda)
    expect(result.issues.filter(isBlocking)).toEqual([])
    expect(result.header?.typeCode?.code).toBe(code)
    expect(result.header?.medicoSocialType).toBeUndefined()
  })

  it('a document type recorded with the value set OID as its code system fails DOC-005', async () => {
    const store = new DocumentStore({ typeCodeSystemFromValueSet: true })
    const document = store.produceN1(resident, 'Synthèse', { code: '28653-4', codeSystem: '2.16.840.1.113883.6.1', displayName: 'Document du secteur social / médico-social' })
    const result = await validateCda(document.cda)
    expect(result.issues.filter(isBlocking)).toEqual([expect.objectContaining({ rule: 'cda/header-code', requirement: 'DOC-005', code: 'code-invalid' })])
  })

  it('a new version of a model document keeps its model, setId and replaces the previous one', async () => {
    const store = new DocumentStore()
    const first = store.produceModel(resident, findModel('vsm')!)
    const second = store.revise(first, resident, 'Synthèse médicale (mise à jour)')
    const result = await validateCda(second.cda)
    expect(result.issues.filter(isBlocking)).toEqual([])
    expect(result.header).toMatchObject({ medicoSocialType: 'vsm', title: 'Synthèse médicale (mise à jour)', setId: { root: first.setId }, versionNumber: 2, relatedDocument: { typeCode: 'RPLC', parentId: { root: first.id } } })
  })
})

// The official kit's XSD and volet schematrons (the profile schematrons take minutes to compile
// cold; `dui-harness validate --cisis-kit` runs them all).
describe.skipIf(!kitAvailable)('reference DUI document models in kit mode (XSD + volet)', () => {
  const options: CdaValidationOptions = { cisisKit: kitDir, cacheDir: kitTestCacheDir, kitProfiles: ['xsd', 'volet'] }

  it.each(DOCUMENT_MODELS.map((m) => m.name))('%s has no error', async (name) => {
    const result = await validateCda(produce(name).cda, options)
    expect(result.issues.filter(isBlocking)).toEqual([])
    expect(result.kit?.xsd).toBe(true)
  }, 60_000)

  it('the DLU without its médecin traitant fails the volet schematron too', async () => {
    const result = await validateCda(produce('dlu', { dluWithoutAttendingPhysician: true }).cda, options)
    expect(result.issues).toContainEqual(expect.objectContaining({ rule: 'kit/CI-SIS_DLU-EHPAD-DLU_2022.01', requirement: 'DOC-001', message: expect.stringContaining('PCP') }))
  }, 60_000)
})
