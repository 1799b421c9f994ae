import type { HttpExchange } from './exchange.ts'

interface Waiter {
  readonly predicate: (exchange: HttpExchange) => boolean
  readonly resolve: (exchange: HttpExchange) => void
}

/**
 * Exchanges a simulator recorded, awaited by scenario steps. Each exchange is handed to at most
 * one waiter (claimed), so parallel scenarios correlate by their own predicate (their INS).
 */
export class ExchangeLog {
  readonly #unclaimed: HttpExchange[] = []
  readonly #all: HttpExchange[] = []
  readonly #waiters = new Set<Waiter>()

  add(exchange: HttpExchange): void {
    this.#all.push(exchange)
    for (const waiter of this.#waiters) {
      if (waiter.predicate(exchange)) {
        this.#waiters.delete(waiter)
        waiter.resolve(exchange)
        return
      }
    }
    this.#unclaimed.push(exchange)
  }

  /** Every exchange recorded so far, claimed or not. */
  all(): readonly HttpExchange[] {
    return this.#all
  }

  /**
   * The first unclaimed exchange matching `predicate`, now or when it arrives. Resolves
   * `undefined` when `signal` aborts first (give it a timeout: `AbortSignal.timeout(ms)`).
   */
  next(predicate: (exchange: HttpExchange) => boolean, signal: AbortSignal): Promise<HttpExchange | undefined> {
    const index = this.#unclaimed.findIndex(predicate)
    if (index >= 0) return Promise.resolve(this.#unclaimed.splice(index, 1)[0])
    if (signal.aborted) return Promise.resolve(undefined)
    return new Promise((resolve) => {
      const done = (exchange: HttpExchange | undefined) => {
        signal.removeEventListener('abort', onAbort)
        this.#waiters.delete(waiter)
        resolve(exchange)
      }
      const waiter: Waiter = { predicate, resolve: done }
      const onAbort = () => done(undefined)
      signal.addEventListener('abort', onAbort, { once: true })
      this.#waiters.add(waiter)
    })
  }
}
