import { createServer, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Defect } from './defects/index.ts'
import { DmpClient } from './dmp-client.ts'
import { DocumentStore } from './documents.ts'
import { buildProvideBundle } from './pdsm-bundle.ts'
import { UsagerRegistry, type Usager } from './usagers.ts'

type Params = Record<string, unknown>
type Action = (params: Params) => Promise<Record<string, unknown>> | Record<string, unknown>

/** The endpoints the harness hands over at session start (only what this DUI uses). */
interface Session {
  readonly endpoints: { readonly dmp: { readonly fhir: string } }
}

export const DUI_NAME = 'DUI de référence dui-harness'
export const DUI_VERSION = '0.1.0'

/**
 * The reference DUI's side of the driver protocol (docs/driver-protocol.md): the harness asks it
 * to do what a user would do in its screens. It keeps its own usagers and documents.
 */
export function createDriverServer(defect?: Defect): Server {
  const usagers = new UsagerRegistry()
  const documents = new DocumentStore()
  let session: Session | undefined
  const mistakes = defect?.mistakes ?? {}

  const actions: Record<string, Action> = {
    'identity.create': (params) => {
      const input = params['usager'] as { localId: string; ins?: Usager['ins']; status: Usager['status']; traits: Omit<Usager, 'localId' | 'ins' | 'status'> }
      usagers.save({ localId: input.localId, status: input.status, ...(input.ins ? { ins: input.ins } : {}), ...input.traits })
      return { localId: input.localId }
    },
    'document.produce': (params) => {
      const usager = usagers.get(String(params['usager']))
      const document = documents.produceN1(usager, String(params['title']), params['typeCode'] as { code: string; codeSystem: string; displayName: string })
      return { documentId: document.localId, uniqueId: document.id }
    },
    'dmp.share': async (params) => {
      if (!session) throw new Error('aucune session ouverte : endpoints du DMP inconnus')
      const document = documents.get(String(params['documentId']))
      const bundle = buildProvideBundle(document, usagers.get(document.usagerId), mistakes)
      const outcome = await new DmpClient(session.endpoints.dmp.fhir).provide(bundle)
      if (!outcome.ok) throw new Error(outcome.error)
      return { locations: outcome.locations }
    },
  }

  return createServer((req, res) => {
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
        session = (await readJson(req)) as Session
        return reply(200, { ok: true })
      }
      const match = /^\/actions\/([a-z.-]+)$/.exec(url.pathname)
      if (req.method === 'POST' && match?.[1]) {
        const action = actions[match[1]]
        if (!action) return reply(404, { ok: false, error: `action non prise en charge : ${match[1]}` })
        try {
          const body = (await readJson(req)) as { params?: Params }
          return reply(200, { ok: true, result: await action(body.params ?? {}) })
        } catch (error) {
          return reply(200, { ok: false, error: error instanceof Error ? error.message : String(error) })
        }
      }
      reply(404, { ok: false, error: `route inconnue : ${req.method} ${url.pathname}` })
    })().catch((error: unknown) => reply(500, { ok: false, error: String(error) }))
  })
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
