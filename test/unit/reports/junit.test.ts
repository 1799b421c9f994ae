import { readFileSync } from 'node:fs'
import { XmlDocument, XmlElement, XmlValidateError, XsdValidator } from 'libxml2-wasm'
import { afterAll, describe, expect, it } from 'vitest'
import type { RunReport } from '../../../harness/core/report.ts'
import { renderJunit } from '../../../reports/junit.ts'
import { makeSampleRun } from '../../fixtures/reports/sample-run.ts'

const schemaDoc = XmlDocument.fromString(readFileSync(new URL('../../fixtures/reports/junit.xsd', import.meta.url), 'utf8'))
const validator = XsdValidator.fromDoc(schemaDoc)
afterAll(() => {
  validator.dispose()
  schemaDoc.dispose()
})

/** Schema errors of a JUnit document (empty when valid). */
function schemaErrors(xml: string): string[] {
  const doc = XmlDocument.fromString(xml)
  try {
    validator.validate(doc)
    return []
  } catch (error) {
    if (error instanceof XmlValidateError) return error.details.map((d) => d.message.trim())
    throw error
  } finally {
    doc.dispose()
  }
}

interface Counts { tests: number; failures: number; errors: number; skipped: number }

/** The counts each testsuite(s) declares must equal what its testcases hold. */
function countProblems(xml: string): string[] {
  const doc = XmlDocument.fromString(xml)
  try {
    const problems: string[] = []
    const counted = (scope: string): Counts => ({
      tests: doc.find(`${scope}//testcase`).length,
      failures: doc.find(`${scope}//testcase[failure]`).length,
      errors: doc.find(`${scope}//testcase[error]`).length,
      skipped: doc.find(`${scope}//testcase[skipped]`).length,
    })
    const check = (element: XmlElement, scope: string) => {
      const actual = counted(scope)
      for (const key of Object.keys(actual) as (keyof Counts)[]) {
        const declared = Number(element.attr(key)?.value ?? NaN)
        if (declared !== actual[key]) problems.push(`${scope} ${key}=${declared}, ${actual[key]} comptés`)
      }
    }
    check(doc.get('/testsuites') as XmlElement, '/testsuites')
    doc.find('/testsuites/testsuite').forEach((suite, i) => check(suite as XmlElement, `/testsuites/testsuite[${i + 1}]`))
    return problems
  } finally {
    doc.dispose()
  }
}

const { report } = makeSampleRun()

describe('JUnit XML', () => {
  const xml = renderJunit(report)

  it('matches the common JUnit schema, with consistent counts', () => {
    expect(schemaErrors(xml)).toEqual([])
    expect(countProblems(xml)).toEqual([])
    expect(xml).toMatch(/<testsuites name="[^"]*" tests="4" failures="1" errors="0" skipped="2">/)
  })

  it('has one testcase per step, requirement ids as properties, the issue text in the failure', () => {
    const doc = XmlDocument.fromString(xml)
    try {
      expect(doc.find('/testsuites/testsuite[1]/testcase').map((t) => (t as XmlElement).attr('name')?.value)).toEqual(report.scenarios[0]!.steps.map((s) => s.title))
      expect(doc.find("//testcase[properties/property[@name='step' and @value='dmp-feed/share']]/properties/property[@name='requirement']/@value").map((a) => a.content)).toEqual(['DMP-001', 'DMP-003'])
      const failure = doc.get('//testcase/failure') as XmlElement
      expect(failure.attr('type')?.value).toBe('mhd/attachment-size-hash')
      expect(failure.attr('message')?.value).toMatch(/^la transaction ITI-65 n'est pas conforme .*\(1 écart\(s\) : DMP-003\)$/)
      expect(failure.content).toContain("error [DMP-003] mhd/attachment-size-hash : attachment.size déclare 893 octets <script>")
      expect(failure.content).toContain('— preuve e-0001')
      expect(doc.get("//testcase[properties/property[@value='dmp-feed/mail']]/skipped")).toBeTruthy()
    } finally {
      doc.dispose()
    }
  })

  it('lists each manual requirement as a skipped testcase carrying the proof expected', () => {
    const doc = XmlDocument.fromString(xml)
    try {
      const manual = doc.get("/testsuites/testsuite[@name='Preuves manuelles attendues']/testcase[properties/property[@name='requirement' and @value='MSS-002']]") as XmlElement
      expect(manual.attr('name')?.value).toBe('MSS-002 — Affichage des messages')
      expect(manual.get('skipped')).toBeTruthy()
      expect(manual.get('system-out')?.content).toBe('preuve manuelle attendue : capture d\'écran')
    } finally {
      doc.dispose()
    }
    const automaticOnly: RunReport = { ...report, coverage: report.coverage.filter((c) => c.status !== 'manual') }
    expect(renderJunit(automaticOnly)).not.toContain('Preuves manuelles attendues')
  })

  it('reports a harness error as <error>, and survives control characters from the candidate', () => {
    const steps = report.scenarios[0]!.steps.map((s, i) => (i === 0 ? { ...s, verdict: 'error' as const, message: 'simulateur indisponible\u0001' } : s))
    const broken: RunReport = { ...report, scenarios: [{ ...report.scenarios[0]!, steps }] }
    const out = renderJunit(broken)
    expect(schemaErrors(out)).toEqual([])
    expect(countProblems(out)).toEqual([])
    expect(out).toMatch(/<error message="simulateur indisponible\uFFFD" type="erreur du banc"/)
  })

  it('the shape checks fail on a malformed report (so they can fail)', () => {
    const noName = xml.replace(/<testcase classname="[^"]*" name="[^"]*"/, '<testcase')
    expect(schemaErrors(noName).join('\n')).toMatch(/attribute 'name' is required/)
    const badCount = xml.replace(/(<testsuite [^>]*tests=")3"/, '$14"')
    expect(countProblems(badCount)).toEqual(['/testsuites/testsuite[1] tests=4, 3 comptés'])
  })
})
