import type { MockRequest, MockResponse } from './exchange.ts'

/** A handler's answer plus what it extracted from the request (kept with the exchange). */
export interface HandlerResult extends MockResponse {
  readonly meta?: Record<string, unknown>
}

/** Predicate + resolver (msw style). The first matching handler answers. */
export interface MockHandler {
  /** Stable name used to await exchanges, e.g. `dmp.iti65`. */
  readonly name: string
  readonly method: string
  /** Exact path, or a pattern, matched against the path below the simulator base. */
  readonly path: string | RegExp
  resolve(request: MockRequest): Promise<HandlerResult> | HandlerResult
}

export function matches(handler: MockHandler, request: MockRequest): boolean {
  if (handler.method !== request.method) return false
  return typeof handler.path === 'string' ? handler.path === request.path : handler.path.test(request.path)
}

export const handlerFor = {
  get: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'GET', path, resolve }),
  post: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'POST', path, resolve }),
  put: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'PUT', path, resolve }),
  patch: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'PATCH', path, resolve }),
  delete: (name: string, path: string | RegExp, resolve: MockHandler['resolve']): MockHandler => ({ name, method: 'DELETE', path, resolve }),
}
