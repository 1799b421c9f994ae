import type { SlowInput } from '../corpus/case.ts'
import { openSocket, parseResponse, type HttpEndpoint } from './http.ts'

export interface SlowOutcome {
  /** HTTP status or SMTP reply code the server ended with, or `closed` (cut without an answer). */
  readonly status: number | 'closed'
  readonly text: string
  /** Bytes this client wrote before the server cut it. */
  readonly written: number
}

const BYTE_INTERVAL_MS = 20
const TRICKLE_INTERVAL_MS = 200
/** A server that never cuts a slow client fails the case instead of hanging the suite. */
const GIVE_UP_MS = 15_000

/**
 * A slow-loris client: it connects (after the greeting, for SMTP and IMAP), sends its bytes one
 * at a time, then trickles a byte now and then (or nothing) without ever finishing, until the
 * server cuts the connection.
 */
export async function playSlow(endpoint: Pick<HttpEndpoint, 'host' | 'port' | 'tls'>, input: SlowInput): Promise<SlowOutcome> {
  const socket = await openSocket(endpoint)
  const received: Buffer[] = []
  let written = 0
  let closed = false
  const ended = new Promise<void>((resolve) => {
    socket.on('close', () => {
      closed = true
      resolve()
    })
    socket.on('error', () => undefined)
  })
  const greeting = input.target === 'mssante.smtp' || input.target === 'mssante.imap'
  const greeted = new Promise<void>((resolve) => socket.once('data', () => resolve()))
  socket.on('data', (chunk: Buffer) => received.push(chunk))
  if (greeting) await Promise.race([greeted, ended])
  const send = (text: string) => {
    if (closed) return
    socket.write(text)
    written += Buffer.byteLength(text)
  }
  for (const byte of input.bytes) {
    if (closed) break
    send(byte)
    await new Promise((resolve) => setTimeout(resolve, BYTE_INTERVAL_MS))
  }
  const trickle = input.trickle ? setInterval(() => send(input.trickle!), TRICKLE_INTERVAL_MS) : undefined
  const gaveUp = setTimeout(() => socket.destroy(), GIVE_UP_MS)
  await ended
  clearInterval(trickle)
  clearTimeout(gaveUp)
  const bytes = Buffer.concat(received)
  const text = bytes.toString('utf8')
  if (!greeting) return { status: parseResponse(bytes)?.status ?? 'closed', text, written }
  const lastReply = text.split('\r\n').filter((line) => /^\d{3} /.test(line)).at(-1)
  return { status: input.target === 'mssante.smtp' && lastReply ? Number(lastReply.slice(0, 3)) : 'closed', text, written }
}
