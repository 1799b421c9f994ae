import type { Endpoints } from '../harness/drivers/driver.ts'
import type { EvidenceStore } from '../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from './dmp/index.ts'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { startMssante, type RunningMssante } from './mssante/index.ts'
import { createTestPki, type TestPki } from './pki/index.ts'
import { startInsi, type RunningInsi } from './insi/index.ts'
import { startPsc, type RunningPsc } from './psc/index.ts'
import { startAnnuaire, type RunningAnnuaire } from './annuaire/index.ts'

export type { RunningDmp, ProvideMeta } from './dmp/index.ts'
export { STATUS as DMP_STATUS } from './dmp/index.ts'
export type { HttpExchange } from './http/exchange.ts'
export type { RunningMssante, SubmittedMessage } from './mssante/index.ts'
export { buildBounce, buildMdn } from './mssante/index.ts'
export type { TestPki } from './pki/index.ts'
export type { RunningInsi, InsiMeta } from './insi/index.ts'
export type { RunningPsc, PscMeta } from './psc/index.ts'
export type { RunningAnnuaire } from './annuaire/index.ts'

export interface MocksOptions {
  readonly evidence: EvidenceStore
  /** Interface to bind; loopback unless the user asks otherwise. */
  readonly host?: string
  /** Where `ca.pem` of the run-time test PKI is written (default: a temporary folder). */
  readonly runDir?: string
  /**
   * INSi over mutual TLS, as the real téléservice (default on): the candidate gets the
   * `INSI-AUTO` certificate in `endpoints.insiCertificate`. Off: plain HTTP, no CN rule.
   */
  readonly insiMutualTls?: boolean
  /**
   * Serve the DMP (PDSm and XDS.b) and the Annuaire over HTTPS with the test PKI's server
   * certificate (`mocks --tls`); MSSanté always uses STARTTLS and the INSi mutual TLS.
   */
  readonly tls?: boolean
  /** Folder of the official CI-SIS kit: documents the DMP receives are also judged by it (DOC-001). */
  readonly cisisKit?: string
  /** Time a client may take to send a request or an SMTP/IMAP command before being cut (slow-loris); tests shorten it. */
  readonly slowClientTimeoutMs?: number
}

/** Every simulator of a run. */
export interface RunningMocks {
  readonly dmp: RunningDmp
  readonly mssante: RunningMssante
  readonly insi: RunningInsi
  readonly psc: RunningPsc
  readonly annuaire: RunningAnnuaire
  /** The run-time test PKI (CA, server and client certificates). */
  readonly pki: TestPki
  /** The endpoints JSON handed to the candidate (DESIGN §6). */
  endpoints(): Endpoints
  /** Drops per-scenario handler overrides. */
  reset(): void
  close(): Promise<void>
}

/** Starts every simulator on its own port (port 0: the OS picks). */
export async function startMocks(options: MocksOptions): Promise<RunningMocks> {
  const host = options.host ?? '127.0.0.1'
  const pki = await createTestPki()
  const https = options.tls ? { tls: { key: pki.server.key, cert: pki.server.cert } } : {}
  const slow = options.slowClientTimeoutMs !== undefined ? { slowClientTimeoutMs: options.slowClientTimeoutMs } : {}
  const dmp = await startDmp({ evidence: options.evidence, host, ...https, ...slow, ...(options.cisisKit ? { cda: { cisisKit: options.cisisKit } } : {}) })
  const caPath = writeCa(pki, options.runDir)
  const mssante = await startMssante({ evidence: options.evidence, pki, host, ...slow })
  const insiMutualTls = options.insiMutualTls ?? true
  const insi = await startInsi({ evidence: options.evidence, host, ...slow, ...(insiMutualTls ? { mutualTls: { ...pki.server, ca: pki.ca.cert } } : {}) })
  const insiCertificate = insiMutualTls ? writeInsiCertificate(pki, dirname(caPath)) : undefined
  const psc = await startPsc({ evidence: options.evidence, host, ...slow })
  const annuaire = await startAnnuaire({ evidence: options.evidence, host, ...https, ...slow })
  return {
    dmp,
    mssante,
    insi,
    psc,
    annuaire,
    pki,
    endpoints: () => ({ dmp: { fhir: dmp.fhirUrl, xds: dmp.xdsUrl }, mssante: { smtp: mssante.smtp, imap: mssante.imap, domain: mssante.domain }, insi: insi.url, psc: { issuer: psc.issuer }, annuaire: annuaire.url, ca: caPath, ...(insiCertificate ? { insiCertificate } : {}) }),
    reset: () => {
      dmp.fhir.resetHandlers()
      dmp.xds.resetHandlers()
      mssante.reset()
      insi.server.resetHandlers()
      psc.reset()
      annuaire.server.resetHandlers()
    },
    close: async () => {
      await dmp.close()
      await mssante.close()
      await insi.close()
      await psc.close()
      await annuaire.close()
    },
  }
}

/** Writes the INSi client certificate and its key next to `ca.pem`, for the candidate. */
function writeInsiCertificate(pki: TestPki, dir: string): { cert: string; key: string } {
  const cert = join(dir, 'insi-client.pem')
  const key = join(dir, 'insi-client.key')
  writeFileSync(cert, pki.insiClient.cert)
  writeFileSync(key, pki.insiClient.key, { mode: 0o600 })
  return { cert, key }
}

/** Writes the test CA where a candidate can read it (endpoints `ca`). */
function writeCa(pki: TestPki, runDir: string | undefined): string {
  const dir = runDir ?? mkdtempSync(join(tmpdir(), 'dui-harness-ca-'))
  mkdirSync(dir, { recursive: true })
  const path = join(dir, 'ca.pem')
  writeFileSync(path, pki.ca.cert)
  return path
}
