import { describe, expect, it } from 'vitest'
import { linkedSignal } from '../../../harness/core/linked-signal.ts'

describe('linkedSignal', () => {
  it('aborts when its parent aborts, with the parent\'s reason', () => {
    const parent = new AbortController()
    const linked = linkedSignal(parent.signal)
    expect(linked.signal.aborted).toBe(false)
    parent.abort(new Error('interrompu'))
    expect(linked.signal.aborted).toBe(true)
    expect((linked.signal.reason as Error).message).toBe('interrompu')
  })

  it('starts aborted under an aborted parent', () => {
    const parent = new AbortController()
    parent.abort()
    expect(linkedSignal(parent.signal).signal.aborted).toBe(true)
  })

  it('aborts after its delay with a TimeoutError, even once nothing else references it but the wait', async () => {
    const linked = linkedSignal(undefined, 20)
    const aborted = new Promise<unknown>((resolve) => linked.signal.addEventListener('abort', () => resolve(linked.signal.reason)))
    // Garbage collection, when exposed, must not take the timer's signal away (AbortSignal.timeout would).
    ;(globalThis as { gc?: () => void }).gc?.()
    const reason = (await aborted) as DOMException
    expect(reason.name).toBe('TimeoutError')
  })

  it('ends the wait on dispose and lets go of the parent', () => {
    const parent = new AbortController()
    const linked = linkedSignal(parent.signal, 60_000)
    linked.dispose()
    expect(linked.signal.aborted).toBe(true)
    expect(() => parent.abort()).not.toThrow()
  })
})
