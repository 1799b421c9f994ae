import { connect as netConnect, type Socket } from 'node:net'
import { connect as tlsConnect, type TLSSocket } from 'node:tls'

/** How long a line protocol client waits for the server before concluding it went silent. */
const SILENCE_MS = 10_000

/**
 * A raw client for line protocols (SMTP, IMAP): it writes bytes as given and collects the
 * server's lines, so pipelined, malformed or oversized commands reach the server untouched.
 */
export class LineClient {
  readonly lines: string[] = []
  #socket: Socket | TLSSocket
  #buffer = ''
  #closed = false
  #waiters = new Set<() => void>()

  private constructor(socket: Socket) {
    this.#socket = socket
    this.#listen(socket)
  }

  static connect(address: string): Promise<LineClient> {
    const [host, port] = address.split(':')
    return new Promise((resolve, reject) => {
      const socket = netConnect(Number(port), host!, () => resolve(new LineClient(socket)))
      socket.once('error', reject)
    })
  }

  get closed(): boolean {
    return this.#closed
  }

  write(bytes: Buffer | string): Promise<void> {
    return new Promise((resolve) => {
      if (this.#closed || !this.#socket.writable) return resolve()
      this.#socket.write(bytes, () => resolve())
    })
  }

  /** Waits for a line matching `pattern` (from `from` on), or the connection's end; returns it or undefined. */
  async waitFor(pattern: RegExp, from = 0, timeoutMs = SILENCE_MS): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const found = this.lines.slice(from).find((line) => pattern.test(line))
      if (found !== undefined || this.#closed || Date.now() > deadline) return found
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          this.#waiters.delete(wake)
          resolve()
        }
        const timer = setTimeout(wake, Math.max(1, deadline - Date.now()))
        this.#waiters.add(wake)
      })
    }
  }

  /** Waits until the server closes the connection (true) or `timeoutMs` passes (false). */
  async waitClosed(timeoutMs = SILENCE_MS): Promise<boolean> {
    await this.waitFor(/$^/, this.lines.length, timeoutMs)
    return this.#closed
  }

  /** STARTTLS's second half: the handshake on the same socket. Resolves the TLS error, if any. */
  upgrade(options: { ca: string; minVersion?: 'TLSv1'; maxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.3'; ciphers?: string }): Promise<Error | undefined> {
    const plain = this.#socket
    plain.removeAllListeners('data')
    return new Promise((resolve) => {
      const secure = tlsConnect({ socket: plain, servername: 'localhost', ...options }, () => resolve(undefined))
      secure.once('error', (error) => {
        this.#closed = true
        resolve(error)
      })
      this.#socket = secure
      this.#listen(secure)
    })
  }

  close(): void {
    this.#socket.destroy()
  }

  #listen(socket: Socket): void {
    socket.on('data', (chunk: Buffer) => {
      this.#buffer += chunk.toString('utf8')
      const parts = this.#buffer.split('\r\n')
      this.#buffer = parts.pop() ?? ''
      this.lines.push(...parts)
      this.#wake()
    })
    socket.on('close', () => {
      if (this.#socket !== socket) return
      this.#closed = true
      this.#wake()
    })
    socket.on('error', () => undefined)
  }

  #wake(): void {
    for (const wake of [...this.#waiters]) wake()
  }
}
