import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { allActions } from './actions/index.ts'
import type { Defect } from './defects/index.ts'
import { Dui, type ActionParams, type SessionEndpoints } from './dui.ts'

export const DUI_NAME = 'DUI de référence dui-harness'
export const DUI_VERSION = '0.1.0'

/**
 * The reference DUI's side of the driver protocol (docs/driver-protocol.md): the harness asks it
 * to do what a user would do in its screens.
 */
export function createDriverServer(defect?: Defect): Server {
  const dui = new Dui(defect?.mistakes)
  const actions = allActions(dui)

  const server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
      res.end(JSON.stringify(body))
    }
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://dui')
      if (req.method === 'GET' && url.pathname === '/capabilities') {
        return reply(200, { name: DUI_NAME, version: DUI_VERSION + (defect ? `+defect.${defect.name}` : ''), actions: Object.keys(actions) })
      }
      if (req.method === 'POST' && url.pathname === '/session') {
        dui.openSession(((await readJson(req)) as { endpoints: SessionEndpoints }).endpoints)
        return reply(200, { ok: true })
      }
      const match = /^\/actions\/([a-z.-]+)$/.exec(url.pathname)
      if (req.method === 'POST' && match?.[1]) {
        const action = actions[match[1]]
        if (!action) return reply(404, { ok: false, error: `action non prise en charge : ${match[1]}` })
        try {
          const body = (await readJson(req)) as { params?: ActionParams }
          return reply(200, { ok: true, result: await action(body.params ?? {}) })
        } catch (error) {
          return reply(200, { ok: false, error: error instanceof Error ? error.message : String(error) })
        }
      }
      reply(404, { ok: false, error: `route inconnue : ${req.method} ${url.pathname}` })
    })().catch((error: unknown) => reply(500, { ok: false, error: String(error) }))
  })
  // The harness keeps its connection to the driver alive between actions; Node's 5 s default
  // would close it just as a busy harness reuses it (the action then fails on a cut connection).
  server.keepAliveTimeout = 65_000
  return server
}

/** Starts the driver server and resolves its base URL. */
export async function listen(server: Server, host: string, port: number): Promise<string> {
  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  const address = server.address() as AddressInfo
  return `http://${host}:${address.port}`
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk)
  const text = Buffer.concat(chunks).toString('utf8')
  return text ? JSON.parse(text) : {}
}
