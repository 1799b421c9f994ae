import { readdirSync, readFileSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv } from 'ajv'
import { describe, expect, it } from 'vitest'
import type { RunReport } from '../../harness/core/report.ts'
import { loadCatalogue } from '../../harness/requirements/catalogue.ts'
import { REPO_ROOT, runCli } from '../helpers/cli.ts'

interface SelftestJson {
  reference: { verdict: string; failed: string[] }
  defects: { name: string; requirement: string; caught: boolean; failed: string[] }[]
  notEvaluated: { name: string; requirement: string; reason: string }[]
  uncovered: string[]
}

const validateReport = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(join(REPO_ROOT, 'docs/report.schema.json'), 'utf8')) as object)

describe('dui-harness selftest: the kill matrix', () => {
  it('passes the reference DUI and catches every seeded defect by its own requirement only, with evidence', async () => {
    const out = mkdtempSync(join(tmpdir(), 'selftest-'))
    const result = await runCli(['selftest', '--json', '--out', out])
    const matrix = JSON.parse(result.stdout) as SelftestJson
    expect(matrix.reference).toEqual({ verdict: 'pass', failed: [] })
    const listed = (await runCli(['list', 'defects'])).stdout.trim().split('\n').map((line) => line.split('\t').slice(0, 2))
    // Without the official kit, only the defects of requirements that need it are left out.
    const needsKit = loadCatalogue().requirements.filter((r) => r.needs === 'cisis-kit').map((r) => r.id)
    expect(matrix.notEvaluated.map((d) => [d.name, d.requirement])).toEqual(listed.filter(([, requirement]) => needsKit.includes(requirement!)))
    expect(matrix.defects.map((d) => [d.name, d.requirement])).toEqual(listed.filter(([, requirement]) => !needsKit.includes(requirement!)))
    expect(matrix.uncovered).toEqual([])
    for (const defect of matrix.defects) expect(defect, defect.name).toMatchObject({ caught: true, failed: [defect.requirement] })
    expect(result.code).toBe(0)

    // Each defect's run shows the failing step with its evidence: the offending traffic recorded by a
    // simulator, or, when the defect is a missing message (no MDN sent), the harness's own calls.
    let withTraffic = 0
    for (const defect of matrix.defects) {
      const runs = readdirSync(join(out, defect.name))
      const report = JSON.parse(readFileSync(join(out, defect.name, runs[0]!, 'report.json'), 'utf8')) as RunReport
      expect(validateReport(report), defect.name).toBe(true)
      const step = report.scenarios
        .flatMap((s) => s.steps)
        .find((s) => s.verdict === 'fail' && (s.issues.some((i) => i.requirement === defect.requirement) || s.requirements.includes(defect.requirement)))
      expect(step, defect.name).toBeDefined()
      const evidence = step!.evidence.map((id) => report.evidence.find((e) => e.id === id)!)
      expect(evidence.length, defect.name).toBeGreaterThan(0)
      if (evidence.some((e) => e.source !== 'driver')) withTraffic++
    }
    expect(withTraffic).toBeGreaterThanOrEqual(matrix.defects.length - 2)
  }, 900_000) // one full campaign per seeded defect, three at a time
})
