import { createHash } from 'node:crypto'
import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import type { HttpInput, StreamedBody } from '../corpus/case.ts'

/** Where one HTTP simulator listens, and how to reach it. */
export interface HttpEndpoint {
  readonly host: string
  readonly port: number
  /** Service base path, e.g. `/fhir`. */
  readonly basePath: string
  /** Present for HTTPS: the CA to trust and the client certificate to show. */
  readonly tls?: { readonly ca: string; readonly key?: string; readonly cert?: string }
}

export function endpointOf(url: string, tls?: HttpEndpoint['tls']): HttpEndpoint {
  const parsed = new URL(url)
  return { host: parsed.hostname, port: Number(parsed.port), basePath: parsed.pathname.replace(/\/$/, ''), ...(parsed.protocol === 'https:' && tls ? { tls } : {}) }
}

export interface HttpOutcome {
  /** Status code, or `closed` when the connection ended without an answer. */
  readonly status: number | 'closed'
  readonly text: string
  /** What was sent: the whole request when built in memory, and the body's hash and size. */
  readonly sent: { readonly raw?: Buffer; readonly bodySha256: string; readonly bodyBytes: number }
}

const CHUNK_WRITE_TIMEOUT_MS = 30_000

/** Opens a connection; TLS handshakes are completed before the first byte of HTTP. */
export function openSocket(endpoint: Pick<HttpEndpoint, 'host' | 'port' | 'tls'>): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const tls = endpoint.tls
    const socket = tls
      ? tlsConnect({ host: endpoint.host, port: endpoint.port, servername: 'localhost', ca: tls.ca, ...(tls.key && tls.cert ? { key: tls.key, cert: tls.cert } : {}) }, () => resolve(socket))
      : netConnect(endpoint.port, endpoint.host, () => resolve(socket))
    socket.once('error', reject)
  })
}

/**
 * Sends one request as raw bytes on its own connection (so malformed framing reaches the
 * server as written) and reads the answer until the server closes. Streamed bodies are written
 * chunk by chunk with back-pressure: a 100 MB body costs one chunk of memory here.
 */
export async function playHttp(endpoint: HttpEndpoint, input: HttpInput, substitute: (path: string) => string = (p) => p): Promise<HttpOutcome> {
  const socket = await openSocket(endpoint)
  const received: Buffer[] = []
  socket.on('data', (chunk: Buffer) => received.push(chunk))
  const ended = new Promise<void>((resolve) => {
    socket.on('close', () => resolve())
    socket.on('error', () => resolve())
  })
  const body = input.body ?? Buffer.alloc(0)
  const size = Buffer.isBuffer(body) ? body.length : body.bytes
  const headers = [...(input.headers ?? [])]
  const lines = [`${input.method} ${input.rawTarget ?? `${endpoint.basePath}${substitute(input.path)}`} HTTP/1.1`, `Host: ${endpoint.host}:${endpoint.port}`, 'Connection: close', ...headers.map(([name, value]) => `${name}: ${value}`)]
  if (input.contentLength !== false && (size > 0 || input.method === 'POST' || input.method === 'PATCH' || input.method === 'PUT')) lines.push(`Content-Length: ${size}`)
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1')
  const hash = createHash('sha256')
  try {
    if (Buffer.isBuffer(body)) {
      hash.update(body)
      socket.write(Buffer.concat([head, body]))
    } else {
      socket.write(head)
      await writeStreamed(socket, body, hash)
    }
    // Half-close: the server sees the request end there (Node then drops the connection).
    if (input.closeAfterBody) socket.end()
  } catch {
    // The server may answer and close before the body is fully written (a refused head).
  }
  const settled = await Promise.race([ended.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), CHUNK_WRITE_TIMEOUT_MS).unref())])
  if (!settled) socket.destroy()
  const response = Buffer.concat(received)
  const sent = { ...(Buffer.isBuffer(body) ? { raw: Buffer.concat([head, body]) } : {}), bodySha256: hash.digest('hex'), bodyBytes: size }
  const parsed = parseResponse(response)
  return parsed ? { ...parsed, sent } : { status: 'closed', text: response.toString('utf8'), sent }
}

async function writeStreamed(socket: Socket, body: StreamedBody, hash: ReturnType<typeof createHash>): Promise<void> {
  let left = body.bytes
  while (left > 0 && !socket.destroyed) {
    const piece = left >= body.chunk.length ? body.chunk : body.chunk.subarray(0, left)
    hash.update(piece)
    left -= piece.length
    if (!socket.write(piece)) await drainedOrClosed(socket)
  }
}

/** Waits for room in the socket's buffer, or its end; leaves no listener behind (a 100 MB body waits thousands of times). */
function drainedOrClosed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done).off('close', done)
      resolve()
    }
    socket.on('drain', done).on('close', done)
  })
}

/** Status line and body of an HTTP/1.1 answer (Content-Length or chunked). */
export function parseResponse(bytes: Buffer): { status: number; text: string } | undefined {
  const split = bytes.indexOf('\r\n\r\n')
  if (split < 0) return undefined
  const head = bytes.subarray(0, split).toString('latin1')
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(head)?.[1]
  if (!status) return undefined
  let body = bytes.subarray(split + 4)
  if (/^transfer-encoding:\s*chunked/im.test(head)) body = dechunk(body)
  return { status: Number(status), text: body.toString('utf8') }
}

function dechunk(bytes: Buffer): Buffer {
  const parts: Buffer[] = []
  let at = 0
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at)
    if (lineEnd < 0) break
    const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16)
    if (!size) break
    parts.push(bytes.subarray(lineEnd + 2, lineEnd + 2 + size))
    at = lineEnd + 2 + size + 2
  }
  return Buffer.concat(parts)
}
