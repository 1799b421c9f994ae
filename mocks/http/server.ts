import { createServer, STATUS_CODES, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https'
import type { TLSSocket } from 'node:tls'
import type { AddressInfo, Socket } from 'node:net'
import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { HttpExchange, MockRequest, MockResponse, MockTlsInfo } from './exchange.ts'
import { ClaimLog } from '../claim-log.ts'
import { opensslReason } from '../openssl-reason.ts'
import { matches, type HandlerResult, type MockHandler } from './handler.ts'

export interface RecordingServerOptions {
  /** Evidence source name, e.g. `dmp.fhir`. */
  readonly name: string
  /** Path prefix of the service, e.g. `/fhir`; handlers match the path below it. */
  readonly basePath?: string
  readonly handlers: readonly MockHandler[]
  readonly evidence: EvidenceStore
  /** Bytes of body kept per request; the rest is counted and dropped. Default 64 MiB. */
  readonly maxBodyBytes?: number
  readonly host?: string
  readonly port?: number
  /** Answer for requests no handler matches (always recorded as unhandled). */
  readonly unhandled?: (request: MockRequest) => MockResponse
  /** Serve HTTPS instead of HTTP (PEM key/cert of the test PKI); plain HTTP when absent. */
  readonly tls?: RecordingServerTls
  /**
   * Time a client has to send its request headers (slow-loris), and twenty times that for the
   * whole request: past it the connection is cut with a 408 and the cut is recorded. Default
   * 66 s for the headers, 300 s for the whole request.
   */
  readonly slowClientTimeoutMs?: number
}

export interface RecordingServerTls {
  readonly key: string
  readonly cert: string
  /** CA the client certificates are checked against. */
  readonly ca?: string
  /**
   * Ask for a client certificate. The handshake never fails on it (handlers see
   * `request.tls` and answer the service's own fault, as the real services do).
   */
  readonly requestClientCertificate?: boolean
}

export interface RecordingServer {
  /** Base URL including `basePath`, e.g. `http://127.0.0.1:41234/fhir`. */
  readonly url: string
  readonly log: ClaimLog<HttpExchange>
  /** Prepends handlers that take precedence until `resetHandlers` (per-scenario overrides). */
  use(...handlers: MockHandler[]): void
  resetHandlers(): void
  close(): Promise<void>
}

const DEFAULT_MAX_BODY = 64 * 1024 * 1024
// Clients (fetch, DUIs) keep connections alive; Node's 5 s default closes them under a client
// about to reuse them (ECONNRESET on a slow machine). close() still ends every connection.
const KEEP_ALIVE_MS = 65_000
const HEADERS_TIMEOUT_MS = 66_000
const REQUEST_TIMEOUT_MS = 300_000
const TLS_HANDSHAKE_TIMEOUT_MS = 120_000

/**
 * A node:http server on 127.0.0.1 that records every request and response as evidence (raw
 * bytes, written before the request is handled) and dispatches to "match + respond" handlers.
 * A handler that throws gets a 500 and is recorded; the server keeps serving.
 */
export async function startRecordingServer(options: RecordingServerOptions): Promise<RecordingServer> {
  const basePath = (options.basePath ?? '').replace(/\/+$/, '')
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY
  const log = new ClaimLog<HttpExchange>()
  let overrides: MockHandler[] = []
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    void handle(req, res).catch((error: unknown) => {
      // Last resort: never let one request take the simulator down.
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`erreur interne du simulateur : ${error instanceof Error ? error.message : String(error)}`)
    })
  }
  const tlsOptions = options.tls
  const slow = options.slowClientTimeoutMs
  const timeouts = {
    headersTimeout: slow ?? HEADERS_TIMEOUT_MS,
    requestTimeout: slow !== undefined ? slow * 20 : REQUEST_TIMEOUT_MS,
    // How often stalled connections are looked for (Node's default, 30 s, would outlive a short timeout).
    connectionsCheckingInterval: Math.min(30_000, Math.max(100, Math.floor((slow ?? HEADERS_TIMEOUT_MS) / 4))),
  }
  const server: Server | HttpsServer = tlsOptions
    ? createHttpsServer(
        {
          ...timeouts,
          handshakeTimeout: slow ?? TLS_HANDSHAKE_TIMEOUT_MS,
          key: tlsOptions.key,
          cert: tlsOptions.cert,
          ...(tlsOptions.ca ? { ca: tlsOptions.ca } : {}),
          minVersion: 'TLSv1.2',
          requestCert: tlsOptions.requestClientCertificate ?? false,
          // The handler answers a refused certificate with the service's documented fault.
          rejectUnauthorized: false,
        },
        listener,
      )
    : createServer(timeouts, listener)
  server.keepAliveTimeout = KEEP_ALIVE_MS
  // Sockets whose request is being handled: a body cut short is then recorded by the handler.
  const inFlight = new WeakSet<object>()
  // Requests Node cannot parse, heads too large, stalled clients: answered in French and recorded.
  server.on('clientError', (error: HttpParseError, socket: Socket) => refuseUnreadable(options, error, socket, inFlight.has(socket)))
  // A refused TLS handshake (old protocol, plaintext on the TLS port) is traffic too.
  server.on('tlsClientError', (error: Error & { code?: string }, socket: Socket) => recordTlsRefusal(options, error, socket))

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const recorder = options.evidence.open({ kind: 'http-exchange', direction: 'incoming', source: options.name })
    inFlight.add(req.socket)
    const { body, bodyBytes, truncated, complete } = await readBody(req, maxBody).finally(() => inFlight.delete(req.socket))
    const head = `${req.method} ${req.url} HTTP/${req.httpVersion}\r\n${rawHeaders(req.rawHeaders)}\r\n`
    recorder.addFile({ name: 'request.http', role: 'request', data: Buffer.concat([Buffer.from(head, 'latin1'), body]) })
    if (!complete) {
      // The client went away mid-body: nothing to answer, but what came is evidence.
      recorder.finish(`${req.method} ${req.url} → corps incomplet : ${bodyBytes} octets reçus sur ${req.headers['content-length'] ?? '?'} annoncés (connexion interrompue avant la fin)`)
      return
    }
    const tls = tlsOptions ? tlsInfo(req.socket as TLSSocket) : undefined
    if (tls) recorder.addFile({ name: 'tls.json', role: 'tls', contentType: 'application/json', data: `${JSON.stringify(tls, null, 2)}\n` })

    const url = parseTarget(req.url ?? '/')
    const fullPath = decodePath(url?.pathname ?? '/')
    const path = basePath && fullPath.startsWith(basePath) ? fullPath.slice(basePath.length) || '/' : fullPath
    const request: MockRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path,
      query: url?.searchParams ?? new URLSearchParams(),
      headers: req.headers,
      // An oversized body stays on disk only: the log would otherwise hold up to the limit per upload.
      body: truncated ? Buffer.alloc(0) : body,
      truncated,
      bodyBytes,
      ...(tls ? { tls } : {}),
    }
    const handler = truncated ? bodyLimitHandler(options.name, maxBody) : !url ? unreadableTargetHandler(options.name) : [...overrides, ...options.handlers].find((candidate) => matches(candidate, request))
    let result: HandlerResult
    if (!handler) {
      result = (options.unhandled ?? defaultUnhandled)(request)
    } else {
      try {
        result = await handler.resolve(request)
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error)
        result = { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `erreur du simulateur : ${message}`, meta: { simulatorError: message } }
      }
    }
    if (result.dropConnection) {
      res.socket?.destroy()
      const evidence = recorder.finish(`${request.method} ${request.url} → connexion coupée`, handler?.name)
      log.add({ evidenceId: evidence.id, ...(handler ? { handler: handler.name } : {}), at: evidence.at, request, response: { status: 0 }, meta: result.meta ?? {} })
      return
    }
    const responseBody = typeof result.body === 'string' ? Buffer.from(result.body, 'utf8') : (result.body ?? Buffer.alloc(0))
    const headers = { ...result.headers, 'content-length': String(responseBody.length) }
    res.writeHead(result.status, headers)
    res.end(responseBody)

    const responseHead = `HTTP/1.1 ${result.status}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n`
    recorder.addFile({ name: 'response.http', role: 'response', data: Buffer.concat([Buffer.from(responseHead, 'latin1'), responseBody]) })
    const evidence = recorder.finish(`${request.method} ${request.url} → ${result.status}`, handler?.name)
    const exchange: HttpExchange = {
      evidenceId: evidence.id,
      ...(handler ? { handler: handler.name } : {}),
      at: evidence.at,
      request,
      response: { status: result.status, headers, body: responseBody },
      meta: result.meta ?? {},
    }
    log.add(exchange)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve())
  })
  const address = server.address() as AddressInfo
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address
  return {
    url: `${tlsOptions ? 'https' : 'http'}://${host}:${address.port}${basePath}`,
    log,
    use: (...handlers) => {
      overrides = [...handlers, ...overrides]
    },
    resetHandlers: () => {
      overrides = []
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

/** Answers 413 to a body over the limit: what was kept is evidence, the rest was only counted. */
function bodyLimitHandler(name: string, limit: number): MockHandler {
  return {
    name: `${name}.body-limit`,
    method: '*',
    path: '*',
    resolve: (request) => ({
      status: 413,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: `corps de requête trop volumineux : ${request.bodyBytes} octets reçus, limite du simulateur ${limit} octets (seuls les ${limit} premiers sont conservés comme preuve)`,
      meta: { tooLarge: true, bodyBytes: request.bodyBytes },
    }),
  }
}

function defaultUnhandled(request: MockRequest): MockResponse {
  return {
    status: 404,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: `aucun service simulé ne répond à ${request.method} ${request.path}`,
  }
}

/** What the TLS layer negotiated and learnt about the client certificate. */
function tlsInfo(socket: TLSSocket): MockTlsInfo {
  const peer = socket.getPeerCertificate()
  // No certificate: Node gives an empty object.
  const cn: unknown = peer && Object.keys(peer).length > 0 ? peer.subject?.CN : undefined
  const peerCn = Array.isArray(cn) ? String(cn[0]) : typeof cn === 'string' ? cn : undefined
  const error = socket.authorizationError as Error | string | null | undefined
  const protocol = socket.getProtocol()
  const cipher = socket.getCipher()?.name
  return {
    authorized: socket.authorized,
    ...(error ? { authorizationError: typeof error === 'string' ? error : ((error as NodeJS.ErrnoException).code ?? error.message) } : {}),
    ...(peerCn !== undefined ? { peerCn } : {}),
    ...(protocol ? { protocol } : {}),
    ...(cipher ? { cipher } : {}),
  }
}

function rawHeaders(raw: readonly string[]): string {
  let text = ''
  for (let i = 0; i + 1 < raw.length; i += 2) text += `${raw[i]}: ${raw[i + 1]}\r\n`
  return text
}

async function readBody(req: IncomingMessage, limit: number): Promise<{ body: Buffer; bodyBytes: number; truncated: boolean; complete: boolean }> {
  const chunks: Buffer[] = []
  let kept = 0
  let total = 0
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      total += chunk.length
      if (kept < limit) {
        const slice = chunk.subarray(0, limit - kept)
        chunks.push(slice)
        kept += slice.length
      }
    }
  } catch {
    // `aborted`: the connection closed before the announced body; req.complete says so below.
  }
  return { body: Buffer.concat(chunks), bodyBytes: total, truncated: total > kept, complete: req.complete }
}

/** The request target as a URL; undefined when it cannot be one (an absolute form with a bad host). */
function parseTarget(target: string): URL | undefined {
  return URL.canParse(target, 'http://simulator') ? new URL(target, 'http://simulator') : undefined
}

/** Answers 400 to a request target that is no URL (`GET http://[x/ HTTP/1.1`): recorded, not a 500. */
function unreadableTargetHandler(name: string): MockHandler {
  return {
    name: `${name}.bad-target`,
    method: '*',
    path: '*',
    resolve: (request) => ({ status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: `cible de requête illisible : « ${request.url} » n'est pas une URL valide` }),
  }
}

/** A malformed percent-encoding stays as sent: no handler matches it and the 404 says which path. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname)
  } catch {
    return pathname
  }
}

/** What Node's HTTP parser attaches to a `clientError`. */
interface HttpParseError extends Error {
  readonly code?: string
  readonly reason?: string
  /** The bytes the parser was reading when it failed (parse errors only). */
  readonly rawPacket?: Buffer
}

/**
 * Answers a request Node could not parse (or a client too slow to send one) with a French reason,
 * and records the bytes received: the simulator never drops traffic silently.
 */
function refuseUnreadable(options: RecordingServerOptions, error: HttpParseError, socket: Socket, handlerRecords: boolean): void {
  const code = error.code ?? 'inconnu'
  if (!code.startsWith('HPE_') && code !== 'ERR_HTTP_REQUEST_TIMEOUT') {
    socket.destroy() // ECONNRESET and the like: the client left, nothing was received to answer
    return
  }
  const [status, reason]: [number, string] =
    code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'en-têtes de requête trop volumineux (plus de 16 Ko) : requête refusée']
      : code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, `délai dépassé : requête toujours incomplète au bout du délai du simulateur (${socket.bytesRead} octets reçus), connexion lente coupée`]
        : code === 'HPE_INVALID_EOF_STATE'
          ? [400, 'corps incomplet : la connexion a été fermée avant la fin de la requête annoncée']
          : [400, `requête HTTP mal formée, refusée par l'analyseur HTTP (${code} : ${error.reason ?? error.message})`]
  const body = Buffer.from(`${reason}\n`, 'utf8')
  const response = Buffer.concat([Buffer.from(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\ncontent-type: text/plain; charset=utf-8\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`, 'latin1'), body])
  if (socket.writable) socket.end(response)
  else socket.destroy()
  if (handlerRecords) return
  options.evidence.record({ kind: 'http-exchange', direction: 'incoming', source: options.name }, `requête illisible → ${status} : ${reason}`, [
    { name: 'request.raw', role: 'request', data: error.rawPacket ?? Buffer.alloc(0) },
    { name: 'response.http', role: 'response', data: response },
  ])
}

function recordTlsRefusal(options: RecordingServerOptions, error: Error & { code?: string }, socket: Socket): void {
  socket.destroy()
  if (error.code === 'ECONNRESET') return // the client left before any handshake: nothing received
  const reason = opensslReason(error.message)
  const hint = /version|protocol/i.test(reason) ? ' (TLS 1.2 minimum)' : ''
  options.evidence.record({ kind: 'http-exchange', direction: 'incoming', source: options.name }, `négociation TLS refusée : ${reason}${hint}`, [
    { name: 'tls.json', role: 'tls', contentType: 'application/json', data: `${JSON.stringify({ refused: true, code: error.code, reason, remote: socket.remoteAddress }, null, 2)}\n` },
  ])
}
