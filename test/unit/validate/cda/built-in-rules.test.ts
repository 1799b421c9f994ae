import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BUILT_IN_CDA_RULES, validateCda, type CdaValidationOptions } from '../../../../harness/validate/cda/index.ts'

const fixture = (name: string) => readFileSync(new URL(`../../../fixtures/cda/${name}`, import.meta.url), 'utf8')
const N1 = fixture('n1-pdf-valid.xml')
const DLU = fixture('dlu-structured-valid.xml')

/** Applies a textual change and makes sure it really changed the document. */
function variant(base: string, from: string | RegExp, to: string): string {
  const out = base.replace(from, to)
  expect(out, `mutation ${String(from)} must change the fixture`).not.toBe(base)
  return out
}

interface BreakingCase {
  readonly name: string
  readonly rule: string
  readonly requirement: string
  readonly path: string
  readonly xml: () => string
  readonly severity?: 'error' | 'warning'
  readonly options?: CdaValidationOptions
}

const notPdf = Buffer.from('GIF89a not a pdf').toString('base64')

const CASES: readonly BreakingCase[] = [
  { name: 'classCode other than DOCCLIN', rule: 'cda/header-class-mood', requirement: 'DOC-004', path: '/ClinicalDocument/@classCode', xml: () => variant(N1, '<ClinicalDocument ', '<ClinicalDocument classCode="DOC" ') },
  { name: 'realmCode US', rule: 'cda/header-realm-code', requirement: 'DOC-004', path: '/ClinicalDocument/realmCode[1]', xml: () => variant(N1, '<realmCode code="FR"/>', '<realmCode code="US"/>') },
  { name: 'typeId with a wrong extension', rule: 'cda/header-type-id', requirement: 'DOC-004', path: '/ClinicalDocument/typeId[1]', xml: () => variant(N1, 'POCD_HD000040', 'POCD_HD000041') },
  { name: 'no HL7 France templateId', rule: 'cda/header-template-ids', requirement: 'DOC-004', path: '/ClinicalDocument', xml: () => variant(DLU, '<templateId root="2.16.840.1.113883.2.8.2.1"/>', '') },
  { name: 'document id root not a uid', rule: 'cda/header-id', requirement: 'DOC-004', path: '/ClinicalDocument/id[1]', xml: () => variant(N1, '<id root="1.2.250.1.999.1.2.3"', '<id root="1.2.x.9"') },
  { name: 'code without displayName', rule: 'cda/header-code', requirement: 'DOC-004', path: '/ClinicalDocument/code[1]', xml: () => variant(DLU, ' displayName="Document de liaison d\'urgence"', '') },
  { name: 'code outside the known part of JDV_J07', rule: 'cda/header-code', requirement: 'DOC-005', severity: 'warning', path: '/ClinicalDocument/code[1]', xml: () => variant(N1, '<code code="80788-3"', '<code code="11502-2"') },
  { name: 'empty title', rule: 'cda/header-title', requirement: 'DOC-004', path: '/ClinicalDocument/title[1]', xml: () => variant(N1, /<title>[^<]*<\/title>/, '<title> </title>') },
  { name: 'effectiveTime in ISO format', rule: 'cda/header-effective-time', requirement: 'DOC-004', path: '/ClinicalDocument/effectiveTime[1]', xml: () => variant(N1, '<effectiveTime value="20260115103000+0100"/>', '<effectiveTime value="2026-01-15"/>') },
  { name: 'confidentiality X', rule: 'cda/header-confidentiality-code', requirement: 'DOC-004', path: '/ClinicalDocument/confidentialityCode[1]', xml: () => variant(N1, '<confidentialityCode code="N"', '<confidentialityCode code="X"') },
  { name: 'languageCode french', rule: 'cda/header-language-code', requirement: 'DOC-004', path: '/ClinicalDocument/languageCode[1]', xml: () => variant(N1, 'code="fr-FR"', 'code="french"') },
  { name: 'no setId', rule: 'cda/header-set-id', requirement: 'DOC-004', path: '/ClinicalDocument', xml: () => variant(N1, /<setId [^>]*\/>/, '') },
  { name: 'versionNumber 0', rule: 'cda/header-version-number', requirement: 'DOC-004', path: '/ClinicalDocument/versionNumber[1]', xml: () => variant(N1, '<versionNumber value="1"/>', '<versionNumber value="0"/>') },
  { name: 'two recordTarget', rule: 'cda/header-record-target', requirement: 'DOC-004', path: '/ClinicalDocument/recordTarget[2]', xml: () => variant(DLU, /(<recordTarget>[\s\S]*?<\/recordTarget>)/, '$1$1') },
  { name: 'author without time', rule: 'cda/header-author', requirement: 'DOC-004', path: '/ClinicalDocument/author[1]', xml: () => variant(N1, /<author>\s*<time [^>]*\/>/, '<author>') },
  { name: 'custodian without organisation id', rule: 'cda/header-custodian', requirement: 'DOC-004', path: '/ClinicalDocument/custodian[1]', xml: () => variant(N1, /(<representedCustodianOrganization>)\s*<id [^>]*\/>/, '$1') },
  { name: 'legalAuthenticator not signed S', rule: 'cda/header-legal-authenticator', requirement: 'DOC-004', path: '/ClinicalDocument', xml: () => variant(N1, '<signatureCode code="S"/>', '<signatureCode code="X"/>') },
  { name: 'main serviceEvent without performer', rule: 'cda/header-documentation-of', requirement: 'DOC-004', path: '/ClinicalDocument/documentationOf[1]/serviceEvent[1]', xml: () => variant(N1, /<performer [\s\S]*?<\/performer>/, '') },
  { name: 'no componentOf', rule: 'cda/header-component-of', requirement: 'DOC-004', path: '/ClinicalDocument', xml: () => variant(N1, /<componentOf>[\s\S]*?<\/componentOf>/, '') },
  { name: 'component with two bodies', rule: 'cda/header-component', requirement: 'DOC-004', path: '/ClinicalDocument/component[1]', xml: () => variant(N1, '<nonXMLBody>', '<structuredBody/><nonXMLBody>') },
  { name: 'relatedDocument XFRM', rule: 'cda/related-document', requirement: 'DOC-009', path: '/ClinicalDocument/relatedDocument[1]', xml: () => variant(N1, '<componentOf>', '<relatedDocument typeCode="XFRM"><parentDocument><id root="1.2.250.1.999.1.2.2"/></parentDocument></relatedDocument><componentOf>') },
  { name: 'N1 with a fourth templateId', rule: 'cda/n1-template-ids', requirement: 'DOC-006', path: '/ClinicalDocument/templateId[4]', xml: () => variant(N1, '<templateId root="1.3.6.1.4.1.19376.1.2.20"/>', '<templateId root="1.3.6.1.4.1.19376.1.2.20"/><templateId root="1.2.250.1.213.1.1.1.22"/>') },
  { name: 'N1 body that is not a PDF', rule: 'cda/n1-body', requirement: 'DOC-006', path: '/ClinicalDocument/component[1]/nonXMLBody[1]/text[1]', xml: () => variant(N1, /(representation="B64">)[^<]*/, `$1${notPdf}`) },
  { name: 'N1 body with a media type outside ASS_A12', rule: 'cda/n1-body', requirement: 'DOC-006', path: '/ClinicalDocument/component[1]/nonXMLBody[1]/text[1]', xml: () => variant(N1, 'mediaType="application/pdf"', 'mediaType="application/msword"') },
  { name: 'legacy INS-C root', rule: 'cda/ins-oid', requirement: 'DOC-007', path: '/ClinicalDocument/recordTarget[1]/patientRole[1]/id[1]', xml: () => variant(N1, 'root="1.2.250.1.213.1.4.10"', 'root="1.2.250.1.213.1.4.2"') },
  { name: 'INS without matricule', rule: 'cda/ins-oid', requirement: 'DOC-007', path: '/ClinicalDocument/recordTarget[1]/patientRole[1]/id[1]', xml: () => variant(N1, '<id root="1.2.250.1.213.1.4.10" extension="279035121518989"/>', '<id root="1.2.250.1.213.1.4.10"/>') },
  { name: 'INS without birthplace', rule: 'cda/ins-birth-traits', requirement: 'DOC-007', path: '/ClinicalDocument/recordTarget[1]/patientRole[1]/patient[1]', xml: () => variant(N1, /<birthplace>[\s\S]*?<\/birthplace>/, '') },
  { name: 'INS sent for a provisional identity', rule: 'cda/ins-qualified-identity', requirement: 'DOC-008', path: '/ClinicalDocument/recordTarget[1]/patientRole[1]/id[1]', xml: () => N1, options: { identity: { status: 'provisoire' } } },
  { name: 'INS of another patient', rule: 'cda/ins-qualified-identity', requirement: 'DOC-008', path: '/ClinicalDocument/recordTarget[1]/patientRole[1]/id[1]', xml: () => N1, options: { identity: { status: 'qualifiee', ins: '180012B01234567' } } },
  { name: 'DLU templateId with another version', rule: 'cda/ms-template-id', requirement: 'DOC-010', path: '/ClinicalDocument/templateId[3]', xml: () => variant(DLU, 'extension="2022.01"', 'extension="2016.01"') },
  { name: 'structured DLU without its volet templateId', rule: 'cda/ms-template-id', requirement: 'DOC-010', path: '/ClinicalDocument', xml: () => variant(DLU, '<templateId root="1.2.250.1.213.1.1.1.22" extension="2022.01"/>', '<templateId root="1.3.6.1.4.1.19376.1.5.3.1.1.1"/>') },
  { name: 'DLU with a synthesis code', rule: 'cda/ms-document-code', requirement: 'DOC-010', path: '/ClinicalDocument/code[1]', xml: () => variant(DLU, '<code code="74207-2"', '<code code="60591-5"') },
  { name: 'projet personnalisé coded outside LOINC', rule: 'cda/ms-document-code', requirement: 'DOC-015', path: '/ClinicalDocument/code[1]', xml: () => variant(N1, '<code code="80788-3" codeSystem="2.16.840.1.113883.6.1"', '<code code="80788-3" codeSystem="1.2.250.1.213.1.1.4.12"') },
  { name: 'DLU serviceEvent code', rule: 'cda/ms-service-event', requirement: 'DOC-010', path: '/ClinicalDocument/documentationOf[1]/serviceEvent[1]/code[1]', xml: () => variant(DLU, '<code code="34117-2"', '<code code="11111-1"') },
  { name: 'DLU serviceEvent start with nullFlavor', rule: 'cda/ms-service-event', requirement: 'DOC-010', path: '/ClinicalDocument/documentationOf[1]/serviceEvent[1]/effectiveTime[1]/low[1]', xml: () => variant(DLU, '<low value="20260115"/>', '<low nullFlavor="UNK"/>') },
  { name: 'DLU without birthTime', rule: 'cda/ms-birth-time', requirement: 'DOC-010', path: '/ClinicalDocument/recordTarget[1]/patientRole[1]/patient[1]', xml: () => variant(DLU, '<birthTime value="19790328"/>', '') },
  { name: 'DLU informant not the médecin traitant', rule: 'cda/ms-informant', requirement: 'DOC-010', path: '/ClinicalDocument/participant[1]', xml: () => variant(DLU, '<functionCode code="PCP"', '<functionCode code="ES-PREF"') },
]

describe('built-in CDA rules', () => {
  it.each([
    ['n1-pdf-valid.xml', N1],
    ['dlu-structured-valid.xml', DLU],
  ])('accepts our valid fixture %s with no issue at all', async (_name, xml) => {
    const result = await validateCda(xml)
    expect(result.issues).toEqual([])
    expect(result.valid).toBe(true)
  })

  it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const result = await validateCda(c.xml(), c.options ?? {})
    const found = result.issues.filter((i) => i.rule === c.rule)
    expect(found, JSON.stringify(result.issues, null, 1)).toContainEqual(
      expect.objectContaining({ rule: c.rule, requirement: c.requirement, severity: c.severity ?? 'error', location: expect.objectContaining({ path: c.path, line: expect.any(Number) }) }),
    )
    expect(found.every((i) => /[a-zéèàç]/i.test(i.message))).toBe(true)
    if ((c.severity ?? 'error') === 'error') expect(result.valid).toBe(false)
  })

  it('has a breaking case for every built-in rule', () => {
    const covered = new Set(CASES.map((c) => c.rule))
    expect(BUILT_IN_CDA_RULES.map((r) => r.id).filter((id) => !covered.has(id))).toEqual([])
  })

  it('tags every rule with requirement ids present in the DOC catalogue', () => {
    const catalogue = JSON.parse(readFileSync(new URL('../../../../scenarios/requirements/doc.json', import.meta.url), 'utf8')) as { requirements: { id: string }[] }
    const known = new Set(catalogue.requirements.map((r) => r.id))
    for (const rule of BUILT_IN_CDA_RULES) {
      expect(rule.requirements.length, rule.id).toBeGreaterThan(0)
      for (const id of rule.requirements) expect(known.has(id), `${rule.id} -> ${id}`).toBe(true)
    }
  })

  it('accepts a proper RPLC replacement', async () => {
    const xml = variant(
      variant(N1, '<versionNumber value="1"/>', '<versionNumber value="2"/>'),
      '<componentOf>',
      '<relatedDocument typeCode="RPLC"><parentDocument><id root="1.2.250.1.999.1.2.3" extension="DOC-0000"/><setId root="1.2.250.1.999.1.2.4" extension="SET-0001"/></parentDocument></relatedDocument><componentOf>',
    )
    const result = await validateCda(xml)
    expect(result.issues).toEqual([])
    expect(result.header?.relatedDocument).toEqual({ typeCode: 'RPLC', parentId: { root: '1.2.250.1.999.1.2.3', extension: 'DOC-0000' }, parentSetId: { root: '1.2.250.1.999.1.2.4', extension: 'SET-0001' } })
  })

  it('refuses a document whose root is not an HL7 ClinicalDocument', async () => {
    const result = await validateCda('<ClinicalDocument xmlns="urn:example"/>')
    expect(result.valid).toBe(false)
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'cda/root-element', severity: 'fatal', requirement: 'DOC-004', location: expect.objectContaining({ path: '/' }) })])
  })
})
