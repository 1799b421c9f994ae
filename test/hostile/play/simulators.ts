import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { EvidenceStore } from '../../../harness/evidence/index.ts'
import type { RecordingServer } from '../../../mocks/http/server.ts'
import { startMocks, type RunningMocks } from '../../../mocks/index.ts'
import { DUI_MAILBOX_PASSWORD } from '../../../mocks/mssante/credentials.ts'
import type { HttpTarget } from '../corpus/case.ts'
import { endpointOf, type HttpEndpoint } from './http.ts'
import type { MailAccount } from './smtp.ts'

/** How long a stalled client may hold a connection in these tests (the simulators' default is longer). */
const SLOW_CLIENT_TIMEOUT_MS = 1_000

/** One set of simulators for a test file, with what the players need to reach and inspect them. */
export interface HostileBench {
  readonly mocks: RunningMocks
  readonly evidence: EvidenceStore
  readonly runDir: string
  endpoint(target: HttpTarget): HttpEndpoint
  server(target: HttpTarget): RecordingServer
  /** Host and port of the SMTP submission or IMAP service (plain TCP, STARTTLS later). */
  mailEndpoint(target: 'mssante.smtp' | 'mssante.imap'): Pick<HttpEndpoint, 'host' | 'port'>
  /** The DUI's test mailbox on the simulated operator. */
  readonly account: MailAccount
  close(): Promise<void>
}

export async function startBench(name: string): Promise<HostileBench> {
  const runDir = mkdtempSync(join(tmpdir(), `hostile-${name}-`))
  const evidence = new EvidenceStore(runDir)
  const mocks = await startMocks({ evidence, runDir, slowClientTimeoutMs: SLOW_CLIENT_TIMEOUT_MS })
  const tls = { ca: mocks.pki.ca.cert, key: mocks.pki.insiClient.key, cert: mocks.pki.insiClient.cert }
  const servers: Record<HttpTarget, RecordingServer> = { 'dmp.fhir': mocks.dmp.fhir, 'dmp.xds': mocks.dmp.xds, insi: mocks.insi.server, psc: mocks.psc.server, annuaire: mocks.annuaire.server }
  return {
    mocks,
    evidence,
    runDir,
    endpoint: (target) => endpointOf(servers[target].url, tls),
    server: (target) => servers[target],
    mailEndpoint: (target) => {
      const [host, port] = (target === 'mssante.smtp' ? mocks.mssante.smtp : mocks.mssante.imap).split(':')
      return { host: host!, port: Number(port) }
    },
    account: { address: mocks.mssante.duiAddress, password: DUI_MAILBOX_PASSWORD, ca: mocks.pki.ca.cert },
    // The evidence of oversized bodies weighs a few hundred MB: nothing is left behind.
    close: async () => {
      await mocks.close()
      rmSync(runDir, { recursive: true, force: true })
    },
  }
}
