import { connect as netConnect } from 'node:net'
import { connect as tlsConnect } from 'node:tls'
import type { TlsInput } from '../corpus/case.ts'
import type { HttpEndpoint } from './http.ts'
import { OLD_TLS } from './smtp.ts'

/**
 * Opens a TLS connection with an outdated protocol (or speaks plain HTTP to the TLS port) and
 * says how it ended: `tls-refused` (handshake failed), `closed` (cut without TLS), or
 * `tls-accepted` (the server let an outdated client in).
 */
export function playTls(endpoint: Pick<HttpEndpoint, 'host' | 'port' | 'tls'>, input: TlsInput): Promise<'tls-refused' | 'closed' | 'tls-accepted'> {
  return new Promise((resolve) => {
    if (input.version === 'plaintext') {
      const socket = netConnect(endpoint.port, endpoint.host, () => socket.write(`POST /insi HTTP/1.1\r\nHost: ${endpoint.host}\r\nContent-Length: 0\r\n\r\n`))
      socket.on('error', () => undefined)
      socket.on('close', () => resolve('closed'))
      return
    }
    const tls = endpoint.tls
    const socket = tlsConnect({ host: endpoint.host, port: endpoint.port, servername: 'localhost', ...(tls ? { ca: tls.ca, ...(tls.key && tls.cert ? { key: tls.key, cert: tls.cert } : {}) } : {}), ...OLD_TLS(input.version) }, () => {
      socket.destroy()
      resolve('tls-accepted')
    })
    socket.on('error', () => resolve('tls-refused'))
  })
}
