import type { MockRequest, MockResponse } from './exchange.ts'

/** A handler's answer plus what it extracted from the request (kept with the exchange). */
export interface HandlerResult extends MockResponse {
  readonly meta?: Record<string, unknown>
  /** Drop the connection without answering (fault injection); the request is still recorded. */
  readonly dropConnection?: boolean
}

/** Predicate + resolver (msw style). The first matching handler answers. */
export interface MockHandler {
  /** Stable name used to await exchanges, e.g. `dmp.iti65`. */
  readonly name: string
  /** HTTP method, or `*` for any. */
  readonly method: string
  /** Exact path, a pattern, or `*`, matched against the path below the simulator base. */
  readonly path: string | RegExp
  resolve(request: MockRequest): Promise<HandlerResult> | HandlerResult
}

/** `*` as method or path matches anything (catch-all overrides for fault injection). */
export function matches(handler: MockHandler, request: MockRequest): boolean {
  if (handler.method !== '*' && handler.method !== request.method) return false
  if (handler.path === '*') return true
  return typeof handler.path === 'string' ? handler.path === request.path : handler.path.test(request.path)
}

export const handlerFor = {
  get: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'GET', path, resolve }),
  post: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'POST', path, resolve }),
  put: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'PUT', path, resolve }),
  patch: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'PATCH', path, resolve }),
  delete: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'DELETE', path, resolve }),
}
