interface Waiter<T> {
  readonly predicate: (item: T) => boolean
  readonly resolve: (item: T) => void
}

/**
 * What a simulator recorded (HTTP exchanges, SMTP messages, IMAP fetches), awaited by scenario
 * steps. Each item is handed to at most one waiter (claimed), so parallel scenarios correlate
 * traffic by their own predicate (their INS, their address) without taking each other's.
 */
export class ClaimLog<T> {
  readonly #unclaimed: T[] = []
  readonly #all: T[] = []
  readonly #waiters = new Set<Waiter<T>>()

  add(item: T): void {
    this.#all.push(item)
    for (const waiter of this.#waiters) {
      if (waiter.predicate(item)) {
        this.#waiters.delete(waiter)
        waiter.resolve(item)
        return
      }
    }
    this.#unclaimed.push(item)
  }

  /** Every item recorded so far, claimed or not. */
  all(): readonly T[] {
    return this.#all
  }

  /**
   * The first unclaimed item matching `predicate`, now or when it arrives. Resolves `undefined`
   * when `signal` aborts first (give it a deadline: `linkedSignal(parent, ms)` in harness/core).
   */
  next(predicate: (item: T) => boolean, signal: AbortSignal): Promise<T | undefined> {
    const index = this.#unclaimed.findIndex(predicate)
    if (index >= 0) return Promise.resolve(this.#unclaimed.splice(index, 1)[0])
    if (signal.aborted) return Promise.resolve(undefined)
    return new Promise((resolve) => {
      const done = (item: T | undefined) => {
        signal.removeEventListener('abort', onAbort)
        this.#waiters.delete(waiter)
        resolve(item)
      }
      const waiter: Waiter<T> = { predicate, resolve: done }
      const onAbort = () => done(undefined)
      signal.addEventListener('abort', onAbort, { once: true })
      this.#waiters.add(waiter)
    })
  }
}
