import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { RunReport } from '../../harness/core/report.ts'
import { runCli } from '../helpers/cli.ts'
import { readOnlyRun } from '../helpers/run-dir.ts'

// The DOC section end to end: the reference DUI (its own process) produces each model, shares it
// in the simulated DMP over HTTP, and the harness judges what arrived.
async function runDoc(args: readonly string[]): Promise<{ code: number | null; output: string; report: RunReport }> {
  const out = mkdtempSync(join(tmpdir(), 'run-doc-'))
  const result = await runCli(['run', '--out', out, ...args])
  return { code: result.code, output: result.stdout + result.stderr, report: readOnlyRun(out).report }
}

const failed = (report: RunReport) => report.coverage.filter((c) => c.status === 'failed').map((c) => c.id)

describe('DOC scenarios: structured and typed médico-social documents', () => {
  it('the reference DUI produces every model and each one is verified by its requirement', async () => {
    const { code, output, report } = await runDoc(['--scenarios', 'DOC'])
    expect(code, output).toBe(0)
    const status = Object.fromEntries(report.coverage.filter((c) => /^DOC-01[0-5]$/.test(c.id)).map((c) => [c.id, c.status]))
    expect(status).toEqual({ 'DOC-010': 'verified', 'DOC-011': 'verified', 'DOC-012': 'verified', 'DOC-013': 'verified', 'DOC-014': 'verified', 'DOC-015': 'verified' })
  })

  it('a DLU without the médecin traitant is refused by the DMP and fails DOC-010 only', async () => {
    const { code, report } = await runDoc(['--candidate', 'reference:dlu-without-attending-physician', '--scenarios', 'doc-dlu'])
    expect(code).toBe(3)
    expect(failed(report)).toEqual(['DOC-010'])
    const share = report.scenarios.flatMap((s) => s.steps).find((s) => s.id === 'doc-dlu/share-dlu')
    expect(share?.issues).toContainEqual(expect.objectContaining({ rule: 'cda/ms-informant', requirement: 'DOC-010', severity: 'error' }))
  })

  it('an exit letter typed as a hospital discharge letter is accepted by the DMP but is not the model asked for (DOC-013)', async () => {
    const { code, report } = await runDoc(['--candidate', 'reference:exit-letter-hospital-code', '--scenarios', 'doc-exit-letter'])
    expect(code).toBe(3)
    expect(failed(report)).toEqual(['DOC-013'])
    const share = report.scenarios.flatMap((s) => s.steps).find((s) => s.id === 'doc-exit-letter/share-letter')
    expect(share?.issues).toContainEqual(
      expect.objectContaining({ rule: 'doc/requested-model', requirement: 'DOC-013', message: expect.stringContaining('11490-0'), params: expect.objectContaining({ expected: 'ldl-esms-sortie', found: null }) }),
    )
    expect(share?.evidence.length).toBeGreaterThan(0)
  })
})
