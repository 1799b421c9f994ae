interface Waiter<T> {
  readonly predicate: (item: T) => boolean
  readonly resolve: (item: T) => void
}

/**
 * Items a simulator recorded, awaited by scenario steps; each item is claimed by at most one
 * waiter. The same idea as `mocks/http/exchange-log.ts`, for any record type (SMTP messages,
 * IMAP fetches), so parallel scenarios correlate by their own predicate.
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

  all(): readonly T[] {
    return this.#all
  }

  /** The first unclaimed item matching `predicate`, now or when it arrives; undefined on abort. */
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
