import type { IncomingHttpHeaders } from 'node:http'

/** A request as a simulator handler sees it: raw bytes plus the parsed URL. */
export interface MockRequest {
  readonly method: string
  /** Path and query as sent. */
  readonly url: string
  /** Path without the simulator's base path, e.g. `/Patient`. */
  readonly path: string
  readonly query: URLSearchParams
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
  /** True when the body was cut at the size limit (the rest was counted, not kept). */
  readonly truncated: boolean
  /** Full size of the body as received. */
  readonly bodyBytes: number
}

export interface MockResponse {
  readonly status: number
  readonly headers?: Readonly<Record<string, string>>
  readonly body?: Buffer | string
}

/** One recorded request/response pair, as scenarios await it. */
export interface HttpExchange<Meta = Record<string, unknown>> {
  readonly evidenceId: string
  /** Handler that answered; absent when no handler matched. */
  readonly handler?: string
  readonly at: string
  readonly request: MockRequest
  readonly response: MockResponse
  /** What the handler extracted for correlation and checks (parsed payload, patient INS...). */
  readonly meta: Meta
}
