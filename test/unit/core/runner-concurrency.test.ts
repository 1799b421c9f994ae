import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Reporter } from '../../../harness/core/events.ts'
import { runScenarios } from '../../../harness/core/runner.ts'
import { defineScenario, step, type ScenarioDefinition } from '../../../harness/core/scenario.ts'
import { HttpDriver } from '../../../harness/drivers/http-driver.ts'
import { EvidenceStore } from '../../../harness/evidence/index.ts'
import { startMocks, type RunningMocks } from '../../../mocks/index.ts'
import { startStubCandidate } from '../../helpers/stub-candidate.ts'

/** A latch a step opens and another awaits: two steps meet only if they run at the same time. */
function latch() {
  let open!: () => void
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { open, opened }
}

function scenario(id: string, concurrent: boolean, run: () => Promise<void> | void): ScenarioDefinition {
  return defineScenario({ id, title: id, description: '', section: 'DMP', verifies: [], concurrent, steps: [step(`étape de ${id}`, { id: 'only', verifies: [], timeoutMs: 500, run })] })
}

describe('runner: concurrent scenarios', () => {
  let mocks: RunningMocks
  let evidence: EvidenceStore
  let stub: Awaited<ReturnType<typeof startStubCandidate>>

  beforeAll(async () => {
    evidence = new EvidenceStore(mkdtempSync(join(tmpdir(), 'runner-concurrency-')))
    mocks = await startMocks({ evidence })
    stub = await startStubCandidate({})
  })
  afterAll(async () => {
    await mocks.close()
    await stub.close()
  })

  async function run(scenarios: readonly ScenarioDefinition[], concurrency: number, reporters: readonly Reporter[] = []) {
    const driver = new HttpDriver(stub.url)
    return runScenarios(scenarios, { runId: 'r', driver, capabilities: await driver.capabilities(), mocks, evidence, reporters, signal: new AbortController().signal, concurrency })
  }

  it('runs consecutive concurrent scenarios at the same time', async () => {
    // Each step waits for the other to have started: only a concurrent run lets both pass.
    const a = latch()
    const b = latch()
    const results = await run([
      scenario('a', true, async () => { a.open(); await b.opened }),
      scenario('b', true, async () => { b.open(); await a.opened }),
    ], 2)
    expect(results.map((r) => r.verdict)).toEqual(['pass', 'pass'])
  })

  it('runs them one by one with concurrency 1, and a scenario not marked concurrent always alone', async () => {
    for (const [concurrency, marked] of [[1, true], [4, false]] as const) {
      const a = latch()
      const results = await run([
        scenario('a', marked, async () => { await a.opened }),
        scenario('b', marked, () => a.open()),
      ], concurrency)
      expect(results.map((r) => [r.id, r.verdict])).toEqual([['a', 'error'], ['b', 'pass']])
    }
  })

  it('reports events and results in the declared order whatever the finishing order', async () => {
    const seen: string[] = []
    const reporter: Reporter = {
      onScenarioStart: (s) => void seen.push(`start ${s.id}`),
      onStepEnd: (_s, r) => void seen.push(`step ${r.id}`),
      onScenarioEnd: (r) => void seen.push(`end ${r.id}`),
    }
    const slowDone = latch()
    const results = await run([
      scenario('slow', true, () => new Promise<void>((resolve) => setTimeout(() => { slowDone.open(); resolve() }, 100))),
      scenario('fast', true, () => {}),
      scenario('after', false, async () => { await slowDone.opened }),
    ], 4, [reporter])
    expect(results.map((r) => r.id)).toEqual(['slow', 'fast', 'after'])
    expect(seen).toEqual(['start slow', 'step slow/only', 'end slow', 'start fast', 'step fast/only', 'end fast', 'start after', 'step after/only', 'end after'])
  })

  it('resets the simulators before each scenario that runs alone and before each concurrent group', async () => {
    const reset = vi.spyOn(mocks, 'reset')
    try {
      await run([scenario('g1', true, () => {}), scenario('g2', true, () => {}), scenario('alone', false, () => {}), scenario('g3', true, () => {})], 4)
      expect(reset).toHaveBeenCalledTimes(3)
    } finally {
      reset.mockRestore()
    }
  })
})
