import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DriverError } from '../../../harness/drivers/driver.ts'
import { HttpDriver } from '../../../harness/drivers/http-driver.ts'
import { linkedSignal } from '../../../harness/core/linked-signal.ts'
import { startStubCandidate } from '../../helpers/stub-candidate.ts'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('HttpDriver call budgets', () => {
  let stub: Awaited<ReturnType<typeof startStubCandidate>>
  beforeAll(async () => {
    stub = await startStubCandidate({ 'slow.action': async () => (await sleep(600), { done: true }) })
  })
  afterAll(() => stub.close())

  // A driver whose own cap is 200 ms stands for the 30 s default against a step budget set longer.
  const driver = () => new HttpDriver(stub.url, 'stub', async () => {}, 200)

  it('lets an action run as long as its step allows, past the driver’s own cap', async () => {
    const step = linkedSignal(undefined, 5_000)
    const outcome = await driver().trigger('slow.action', {}, step.signal).finally(() => step.dispose())
    expect(outcome.result).toEqual({ ok: true, result: { done: true } })
  })

  it('ends an action when its step’s budget is spent', async () => {
    const step = linkedSignal(undefined, 100)
    const error = await driver().trigger('slow.action', {}, step.signal).catch((e: unknown) => e).finally(() => step.dispose())
    expect(error).toBeInstanceOf(DriverError)
    expect((error as DriverError).message).toMatch(/^candidat injoignable \(POST .*\/actions\/slow\.action\) : appel interrompu$/)
  })

  it('bounds a call made without a step by its own cap, and says so', async () => {
    const error = await driver().trigger('slow.action', {}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DriverError)
    expect((error as DriverError).message).toMatch(/pas de réponse en 200 ms$/)
  })
})
