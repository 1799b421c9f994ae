/** A signal to wait on, and how to end it once the wait is over. */
export interface LinkedSignal {
  readonly signal: AbortSignal
  /** Lets go of the parent and the timer, and aborts the signal: any wait still on it ends. */
  dispose(): void
}

/**
 * A signal that aborts when `parent` does, or after `ms` when given. Built on an AbortController
 * and a timer that hold it strongly: AbortSignal.timeout() and AbortSignal.any() keep their
 * signals only weakly, and in a long process (the self-test runs dozens of campaigns) a composed
 * signal can be garbage-collected before it fires, leaving a wait without its deadline.
 */
export function linkedSignal(parent: AbortSignal | undefined, ms?: number): LinkedSignal {
  const controller = new AbortController()
  const relay = () => controller.abort(parent?.reason)
  if (parent?.aborted) relay()
  else parent?.addEventListener('abort', relay, { once: true })
  const timer = ms === undefined ? undefined : setTimeout(() => controller.abort(new DOMException(`délai de ${ms} ms dépassé`, 'TimeoutError')), ms)
  return {
    signal: controller.signal,
    dispose() {
      clearTimeout(timer)
      parent?.removeEventListener('abort', relay)
      controller.abort()
    },
  }
}
