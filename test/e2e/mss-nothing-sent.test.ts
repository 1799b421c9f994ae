import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCampaign } from '../../harness/core/campaign.ts'
import { resolveConfig } from '../../harness/config/config.ts'
import type { Driver } from '../../harness/drivers/driver.ts'
import { startReferenceInProcess } from '../../harness/drivers/reference-candidate.ts'
import { loadCatalogue } from '../../harness/requirements/catalogue.ts'
import { allScenarios } from '../../scenarios/index.ts'

/** The reference DUI, except that it answers « sent » to mssante.send and sends nothing. */
async function silentSender(): Promise<Driver> {
  const inner = await startReferenceInProcess()
  return {
    label: 'reference (mssante.send muet)',
    capabilities: () => inner.capabilities(),
    openSession: (session) => inner.openSession(session),
    close: () => inner.close(),
    async trigger(action, params, signal) {
      if (action !== 'mssante.send') return inner.trigger(action, params, signal)
      return { result: { ok: true, result: {} }, call: { method: 'POST', url: 'http://127.0.0.1/actions/mssante.send', startedAt: new Date().toISOString(), durationMs: 0 } }
    },
  }
}

/**
 * A DUI that says it sent a document and sent nothing fails the sending of documents (MSS-001);
 * the transport and address requirements had nothing to be judged on and are not run, never
 * failed or verified.
 */
describe('a DUI that sends nothing when asked to write by MSSanté', () => {
  it('fails MSS-001 only and leaves SEC-001, SEC-002 and MSS-005 not run', async () => {
    const { report } = await runCampaign({
      config: resolveConfig({ timeouts: { trafficMs: 1_500 } }, { out: mkdtempSync(join(tmpdir(), 'mss-silent-')) }),
      catalogue: loadCatalogue(),
      scenarios: allScenarios.filter((scenario) => ['mss-send-professional', 'mss-send-patient'].includes(scenario.id)),
      openDriver: silentSender,
      reporters: () => [],
      signal: new AbortController().signal,
    })
    const status = (id: string) => report.coverage.find((c) => c.id === id)?.status
    expect(report.coverage.filter((c) => c.status === 'failed').map((c) => c.id)).toEqual(['MSS-001'])
    for (const id of ['SEC-001', 'SEC-002', 'MSS-005']) expect(status(id), id).toBe('not-run')
    const send = report.scenarios.flatMap((s) => s.steps).find((s) => s.id === 'mss-send-professional/send-message')!
    expect(send).toMatchObject({ verdict: 'fail', message: expect.stringMatching(/^aucun message MSSanté reçu par l'opérateur/) })
    expect(send.issues).toContainEqual(expect.objectContaining({ rule: 'traffic/missing', requirement: 'MSS-001', severity: 'error' }))
  })
})
