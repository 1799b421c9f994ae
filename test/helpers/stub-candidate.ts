import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

export type StubAction = (params: Record<string, unknown>) => unknown

/**
 * A stand-in for the other side: a minimal candidate that speaks the driver protocol with the
 * actions a test gives it. `raw` actions write their own response (to test protocol errors).
 */
export async function startStubCandidate(actions: Record<string, StubAction>, raw: Record<string, (res: import('node:http').ServerResponse) => void> = {}) {
  const calls: Array<{ action: string; params: Record<string, unknown> }> = []
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {}
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(value))
    }
    if (req.url === '/capabilities') return json(200, { name: 'stub', version: '1', actions: [...Object.keys(actions), ...Object.keys(raw)] })
    if (req.url === '/session') return json(200, { ok: true })
    const name = decodeURIComponent(req.url?.replace('/actions/', '') ?? '')
    calls.push({ action: name, params: body.params ?? {} })
    const rawAction = raw[name]
    if (rawAction) return rawAction(res)
    const action = actions[name]
    if (!action) return json(404, { ok: false, error: 'unknown' })
    try {
      json(200, { ok: true, result: (await action(body.params ?? {})) ?? {} })
    } catch (error) {
      json(200, { ok: false, error: (error as Error).message })
    }
  })
  server.keepAliveTimeout = 65_000 // as docs/driver-protocol.md asks of a driver
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return { url, calls, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}
