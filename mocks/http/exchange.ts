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
  /** Empty when `truncated`: the first bytes (up to the limit) are kept in the evidence file only. */
  readonly body: Buffer
  /** True when the body was over the size limit (counted, answered 413, its start kept as evidence). */
  readonly truncated: boolean
  /** Full size of the body as received. */
  readonly bodyBytes: number
  /** Present when the simulator serves HTTPS: what the TLS layer learnt about the client. */
  readonly tls?: MockTlsInfo
}

/** The TLS facts of a request's connection; the server never aborts on the client certificate. */
export interface MockTlsInfo {
  /** The client certificate chains to the simulator's CA and is within its validity dates. */
  readonly authorized: boolean
  /** OpenSSL's reason when not authorized, e.g. `CERT_HAS_EXPIRED`. */
  readonly authorizationError?: string
  /** Subject CN of the client certificate; absent when none was presented. */
  readonly peerCn?: string
  /** Negotiated protocol, e.g. `TLSv1.3`. */
  readonly protocol?: string
  readonly cipher?: string
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
