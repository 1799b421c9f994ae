import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runScenarios } from '../../../harness/core/runner.ts'
import { defineScenario, step } from '../../../harness/core/scenario.ts'
import { HttpDriver } from '../../../harness/drivers/http-driver.ts'
import { EvidenceStore } from '../../../harness/evidence/index.ts'
import { startMocks, type RunningMocks } from '../../../mocks/index.ts'
import { startStubCandidate } from '../../helpers/stub-candidate.ts'

describe('runner', () => {
  let mocks: RunningMocks
  let evidence: EvidenceStore
  let stub: Awaited<ReturnType<typeof startStubCandidate>>

  beforeAll(async () => {
    evidence = new EvidenceStore(mkdtempSync(join(tmpdir(), 'runner-')))
    mocks = await startMocks({ evidence })
    stub = await startStubCandidate(
      { 'echo.ok': (params) => ({ echoed: params['value'] }), 'echo.fail': () => { throw new Error('refus du DUI') } },
      { 'echo.garbage': (res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end('<html>oops</html>') } },
    )
  })
  afterAll(async () => {
    await mocks.close()
    await stub.close()
  })

  async function run(steps: Parameters<typeof defineScenario>[0]['steps'], signal = new AbortController().signal) {
    const driver = new HttpDriver(stub.url)
    const scenario = defineScenario({ id: 'sample', title: 'Exemple', description: '', section: 'DMP', verifies: [], steps })
    const [result] = await runScenarios([scenario], { runId: 'r', driver, capabilities: await driver.capabilities(), mocks, evidence, reporters: [], signal, trafficTimeoutMs: 300 })
    return result!
  }

  it('passes a step that ends normally, and records the driver call as evidence', async () => {
    const result = await run([step('le DUI répond', { verifies: [], run: async (ctx) => void (await ctx.trigger('echo.ok', { value: 1 })) })])
    expect(result.verdict).toBe('pass')
    expect(result.steps[0]!.evidence).toHaveLength(1)
    expect(evidence.get(result.steps[0]!.evidence[0]!)).toMatchObject({ direction: 'outgoing', source: 'driver' })
  })

  it('ends a step by its signal and skips the steps that depend on it', async () => {
    const result = await run([
      step('échoue', { verifies: [], run: (ctx) => ctx.fail('raison précise') }),
      step('suivante', { verifies: [], run: () => {} }),
    ])
    expect(result.steps.map((s) => s.verdict)).toEqual(['fail', 'skip'])
    expect(result.steps[0]!.message).toBe('raison précise')
    expect(result.steps[1]!.message).toMatch(/« échoue » n'a pas abouti/)
    expect(result.verdict).toBe('fail')
  })

  it('turns an unexpected throw into error, never fail', async () => {
    const result = await run([step('plante', { verifies: [], run: () => { throw new TypeError('bug') } })])
    expect(result.steps[0]).toMatchObject({ verdict: 'error', message: 'bug' })
  })

  it('ends a step past its time budget as error', async () => {
    const result = await run([step('trop lente', { verifies: [], timeoutMs: 100, run: () => new Promise((resolve) => setTimeout(resolve, 2000)) })])
    expect(result.steps[0]).toMatchObject({ verdict: 'error', message: 'l\'étape a dépassé son délai de 100 ms' })
  })

  it('skips, never passes, a step whose action the candidate lacks', async () => {
    const result = await run([step('action absente', { verifies: [], run: async (ctx) => void (await ctx.trigger('dmp.share', {})) })])
    expect(result.steps[0]).toMatchObject({ verdict: 'skip', message: 'le DUI ne déclare pas l\'action « dmp.share » dans ses capacités' })
  })

  it('fails when the candidate reports an action error', async () => {
    const result = await run([step('refus', { verifies: [], run: async (ctx) => void (await ctx.trigger('echo.fail', {})) })])
    expect(result.steps[0]!.verdict).toBe('fail')
    expect(result.steps[0]!.message).toMatch(/refus du DUI/)
  })

  it('makes a garbage driver answer an error with the reason', async () => {
    const result = await run([step('réponse illisible', { verifies: [], run: async (ctx) => void (await ctx.trigger('echo.garbage', {})) })])
    expect(result.steps[0]!.verdict).toBe('error')
    expect(result.steps[0]!.message).toMatch(/pas du JSON.*<html>oops/)
  })

  it('fails a step whose expected traffic never comes', async () => {
    const result = await run([
      step('attend le DMP', { verifies: ['DMP-001'], run: async (ctx) => void (await ctx.expectTraffic('aucune transaction reçue', (signal) => ctx.mocks.dmp.nextProvide('279035121518989', signal))) }),
    ])
    expect(result.steps[0]).toMatchObject({ verdict: 'fail', message: 'aucune transaction reçue' })
  })

  it('fails only the requirement an absence concerns, and reports the step\'s others not judged', async () => {
    const result = await run([
      step('attend le message', {
        verifies: ['SEC-001', 'SEC-002'],
        run: async (ctx) => void (await ctx.expectTraffic('aucun message reçu', (signal) => ctx.mocks.dmp.nextProvide('279035121518989', signal), { requirement: 'MSS-001' })),
      }),
    ])
    expect(result.steps[0]).toMatchObject({ verdict: 'fail', message: 'aucun message reçu' })
    expect(result.steps[0]!.issues).toEqual([
      expect.objectContaining({ severity: 'error', rule: 'traffic/missing', requirement: 'MSS-001', message: 'aucun message reçu' }),
      expect.objectContaining({ severity: 'information', code: 'incomplete', rule: 'step/not-judged', requirement: 'SEC-001', message: 'SEC-001 non examinée : aucun message reçu' }),
      expect.objectContaining({ severity: 'information', code: 'incomplete', rule: 'step/not-judged', requirement: 'SEC-002' }),
    ])
  })

  it('cancels the current step and the rest when the run is interrupted', async () => {
    const controller = new AbortController()
    const result = await run(
      [
        step('longue', { verifies: [], run: async (ctx) => { setTimeout(() => controller.abort(), 50); await ctx.expectTraffic('rien', (signal) => ctx.mocks.dmp.nextProvide('0', signal)) } }),
        step('après', { verifies: [], run: () => {} }),
      ],
      controller.signal,
    )
    expect(result.steps.map((s) => s.verdict)).toEqual(['cancel', 'cancel'])
  })
})
