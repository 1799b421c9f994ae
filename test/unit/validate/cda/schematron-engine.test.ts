import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../../../harness/core/issue.ts'
import { prepareKitMirror, toUtf8Xml } from '../../../../harness/validate/cda/kit/cache.ts'
import { compileSchematron, portableXPath } from '../../../../harness/validate/cda/kit/schematron-compiler.ts'
import { runSchematron } from '../../../../harness/validate/cda/kit/schematron-runner.ts'
import { loadSchematron, type ReadySchematron } from '../../../../harness/validate/cda/kit/schematron-store.ts'
import { parseXmlSafely } from '../../../../harness/validate/xml/index.ts'
import { validateCda } from '../../../../harness/validate/cda/index.ts'
import { repoRoot } from '../../../helpers/kit-location.ts'

const miniKit = resolve(repoRoot, 'test/fixtures/cda/mini-kit')
const SCH = 'schematrons/CI-SIS_ENGINE-TEST_2024.01.sch'
const base = readFileSync(resolve(repoRoot, 'test/fixtures/cda/n1-pdf-valid.xml'), 'utf8')
const cacheDir = mkdtempSync(join(tmpdir(), 'dui-sch-cache-'))
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

let schematron: ReadySchematron
beforeAll(async () => {
  schematron = await loadSchematron(miniKit, prepareKitMirror(miniKit, cacheDir), SCH)
})

function run(xml: string): Issue[] {
  const parsed = parseXmlSafely(xml)
  if (!parsed.ok) throw new Error('fixture must parse')
  try {
    return runSchematron(schematron, xml, parsed.doc, 'DOC-001')
  } finally {
    parsed.doc.dispose()
  }
}

function variant(from: string | RegExp, to: string): string {
  const out = base.replace(from, to)
  expect(out).not.toBe(base)
  return out
}

describe('our schematron engine (mini kit)', () => {
  it('compiled the schematron once and cached it under the cache dir', () => {
    expect(schematron.compiled).toBe(true)
    const mirror = prepareKitMirror(miniKit, cacheDir)
    expect(existsSync(join(mirror, `${SCH}.c4.sef.json`))).toBe(true)
    // The Latin-1 value set was transcoded to UTF-8 next to it.
    expect(readFileSync(join(mirror, 'jeuxDeValeurs/JDV_Confidentialite_Test.xml'), 'utf8')).toContain('Très restreint')
  })

  it('returns the cached form on the next call', async () => {
    const again = await loadSchematron(miniKit, prepareKitMirror(miniKit, cacheDir), SCH)
    expect(again.compiled).toBe(false)
    expect(Object.keys(again.asserts)).toEqual(Object.keys(schematron.asserts))
  })

  it('finds nothing on a conforming document (inactive patterns never run)', () => {
    expect(run(base)).toEqual([])
  })

  it('evaluates schema, phase and rule variables, with value-of in the message', () => {
    const issues = run(variant('<realmCode code="FR"/>', '<realmCode code="US"/>'))
    expect(issues).toEqual([
      expect.objectContaining({
        severity: 'error',
        rule: 'kit/CI-SIS_ENGINE-TEST_2024.01',
        requirement: 'DOC-001',
        message: '[ENGINE-TEST] realmCode vaut « US » au lieu de « FR » (phase).',
        location: { path: '/ClinicalDocument', line: 3 },
      }),
    ])
  })

  it('instantiates abstract patterns and reads a Latin-1 value set with document()', () => {
    const issues = run(variant('<confidentialityCode code="N"', '<confidentialityCode code="X"'))
    expect(issues).toEqual([
      expect.objectContaining({
        message: "[ENGINE-TEST] confidentialityCode « X » n'appartient pas au jeu de valeurs (Normal, Restreint, Très restreint).",
        location: expect.objectContaining({ path: '/ClinicalDocument/confidentialityCode[1]' }),
      }),
    ])
  })

  it('expands chained abstract rules (extends) with their own variables and roles', () => {
    const empty = run(variant(/<title>[^<]*<\/title>/, '<title/>'))
    expect(empty.map((i) => [i.severity, i.message])).toEqual([['error', "[ENGINE-TEST] L'élément title est vide."]])
    const long = run(variant(/<title>[^<]*<\/title>/, `<title>${'x'.repeat(90)}</title>`))
    expect(long.map((i) => [i.severity, i.message])).toEqual([['information', '[ENGINE-TEST] Titre long (90 caractères).']])
  })

  it('runs reports, name(), and regexes with a quantified anchor as Java Saxon does', () => {
    const issues = run(variant('<templateId root="1.3.6.1.4.1.19376.1.2.20"/>', '<templateId root="1234"/>'))
    expect(issues).toEqual([
      expect.objectContaining({ severity: 'warning', message: '[ENGINE-TEST] Un templateId purement numérique est présent dans ClinicalDocument.', location: expect.objectContaining({ path: '/ClinicalDocument' }) }),
    ])
    expect(portableXPath("matches(@a, '^-?[1-9]\\d*$|^+?\\d*$') and @b = '^'")).toBe("matches(@a, '^-?[1-9]\\d*$|(?:^)+?\\d*$') and @b = '^'")
    // A negated character class is left alone.
    expect(portableXPath("replace(@v, '^-?[^+-]+([+-]\\d{1,4})?$', '$1')")).toBe("replace(@v, '^-?[^+-]+([+-]\\d{1,4})?$', '$1')")
  })

  it('keeps includes and notes in the compiled form', () => {
    const compiled = compileSchematron(join(miniKit, SCH))
    expect(compiled.files.map((f) => f.slice(miniKit.length + 1)).sort()).toEqual([
      'schematrons/CI-SIS_ENGINE-TEST_2024.01.sch',
      'schematrons/abstract/in-value-set.sch',
      'schematrons/include/abstract-rules.sch',
      'schematrons/include/header-rule.sch',
    ])
    expect(compiled.xslt).not.toContain("Ce pattern n'est pas dans la phase active")
  })

  it('decodes XML by its declared encoding', () => {
    const latin1 = Buffer.concat([Buffer.from("<?xml version='1.0' encoding='ISO-8859-1'?><a>"), Buffer.from([0x54, 0x72, 0xe8, 0x73]), Buffer.from('</a>')])
    expect(toUtf8Xml(latin1)).toBe("<?xml version='1.0' encoding='UTF-8'?><a>Très</a>")
    const fakeUtf8 = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a>'), Buffer.from([0xe9]), Buffer.from('</a>')])
    expect(toUtf8Xml(fakeUtf8)).toBe('<?xml version="1.0" encoding="UTF-8"?><a>é</a>')
    expect(readdirSync(cacheDir)).toContain('kits')
  })

  it('does not call a document valid when the kit lacks the checks asked for', async () => {
    const result = await validateCda(base, { cisisKit: miniKit, cacheDir, kitProfiles: ['xsd', 'modeles-ans'] })
    expect(result.valid).toBe(false)
    expect(result.issues.map((i) => [i.severity, i.rule, i.requirement])).toEqual([
      ['error', 'kit/material', 'DOC-001'],
      ['error', 'kit/material', 'DOC-001'],
    ])
    expect(result.issues.map((i) => i.message).join(' ')).toMatch(/CDA_extended\.xsd.*absent|absent.*CDA_extended\.xsd/)
  })
})
