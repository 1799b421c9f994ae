import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../helpers/cli.ts'
import { readOnlyRun } from '../helpers/run-dir.ts'

/**
 * A DUI the MSSanté operator refuses at the transport sends no message at all. The harness must
 * name the transport requirement that refused it, and must neither fail nor claim to have verified
 * the message requirements it could not judge.
 */
describe('MSSanté transport refusal in a campaign', () => {
  it.each([
    ['smtp-without-starttls', 'SEC-001', 'transport/starttls-before-auth', /authentification PLAIN en clair, avant STARTTLS/],
    ['smtp-tls-1-1', 'SEC-002', 'transport/tls-version', /TLS 1\.2 minimum/],
  ])('reports %s as %s only, the message requirements as not run', async (defect, requirement, rule, reason) => {
    const out = mkdtempSync(join(tmpdir(), `mss-${defect}-`))
    const result = await runCli(['run', '--candidate', `reference:${defect}`, '--scenarios', 'mss-send-professional,mss-send-patient', '--out', out])
    expect(result.code).toBe(3)
    const { report } = readOnlyRun(out)
    const status = (id: string) => report.coverage.find((c) => c.id === id)?.status
    expect(report.coverage.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual([requirement])
    for (const id of ['MSS-001', 'MSS-002', 'MSS-003', 'MSS-004', 'MSS-006', 'MSS-007', 'MSS-009', 'MSS-012']) expect(status(id), id).toBe('not-run')
    // The other transport requirement was never reached: not judged, never verified.
    const other = requirement === 'SEC-001' ? 'SEC-002' : 'SEC-001'
    expect(status(other)).toBe('not-run')

    const steps = report.scenarios.flatMap((s) => s.steps)
    const transport = steps.find((s) => s.id === 'mss-send-professional/send-message')!
    expect(transport.verdict).toBe('fail')
    const issue = transport.issues.find((i) => i.rule === rule)
    expect(issue).toMatchObject({ requirement, severity: 'error' })
    expect(issue?.message).toMatch(reason)
    // The refusal is the simulator's own record, attached to the step.
    expect(report.evidence.find((e) => e.id === issue?.evidence)).toMatchObject({ source: 'mssante.smtp', summary: expect.stringMatching(/^SMTP refusé/) })
    expect(transport.evidence).toContain(issue?.evidence)
    expect(steps.find((s) => s.id === 'mss-send-patient/send-to-patient')).toMatchObject({ verdict: 'skip', message: expect.stringMatching(new RegExp(`aucun message à examiner : .*\\(exigence ${requirement}\\)`)) })
  }, 120_000)
})
