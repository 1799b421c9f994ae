import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { HttpExchange } from '../http/exchange.ts'
import { startRecordingServer, type RecordingServer, type RecordingServerTls } from '../http/server.ts'
import { findDocumentReferences } from './pdsm/find-documents.ts'
import { searchPatient } from './pdsm/patient-search.ts'
import { provideDocumentBundle, type ProvideMeta } from './pdsm/provide.ts'
import { retrieveDocument } from './pdsm/retrieve-document.ts'
import { deleteDocumentReference, updateDocumentReference } from './pdsm/update-document.ts'
import { DmpRegistry } from './registry.ts'
import { injectFault, type DmpFault } from './faults.ts'
import { xdsEndpoint } from './xds/endpoint.ts'
import type { CdaValidationOptions } from '../../harness/validate/cda/index.ts'

export type { ProvideMeta } from './pdsm/provide.ts'
export type { DmpFault } from './faults.ts'
export { DmpRegistry, STATUS, type StoredDocument, type DmpState } from './registry.ts'

export interface DmpOptions {
  readonly evidence: EvidenceStore
  readonly host?: string
  readonly port?: number
  /** Bytes of request body kept as evidence; larger bodies get a 413. */
  readonly maxBodyBytes?: number
  /** Serve HTTPS with this key and certificate (PEM). */
  readonly tls?: RecordingServerTls
  /** How received CDA documents are validated (`cisisKit`: the official kit as well). */
  readonly cda?: CdaValidationOptions
  /** Time a client may take to send a request before being cut (slow-loris). */
  readonly slowClientTimeoutMs?: number
}

/** Transactions served by the FHIR (PDSm) endpoint; every other one is XDS.b SOAP. */
const FHIR_TRANSACTIONS = new Set(['ITI-65', 'ITI-67', 'ITI-68', 'TD0.2', 'TD3.3', 'TD3.3c'])

export interface RunningDmp {
  /** FHIR base of the PDSm / MHD endpoint. */
  readonly fhirUrl: string
  readonly fhir: RecordingServer
  /** SOAP 1.2 endpoint of the XDS.b transactions (ITI-41, ITI-18, ITI-43, ITI-57). */
  readonly xdsUrl: string
  readonly xds: RecordingServer
  /** Documents and DMP states, shared by every transport. */
  readonly registry: DmpRegistry
  /**
   * The next ITI-65 submission for a patient (INS matricule), claimed for the caller; undefined
   * when `signal` aborts first.
   */
  nextProvide(insValue: string, signal: AbortSignal): Promise<HttpExchange<ProvideMeta> | undefined>
  /** Makes the DMP misbehave for the current scenario (reset with the scenario's handlers). */
  inject(fault: DmpFault): void
  /** The next exchange of a transaction (e.g. `ITI-67`, `ITI-41`) about a patient (INS matricule). */
  next(transaction: string, insValue: string, signal: AbortSignal): Promise<HttpExchange | undefined>
  close(): Promise<void>
}

/** Starts the DMP simulator: PDSm over FHIR R4 and XDS.b over SOAP 1.2, one shared registry. */
export async function startDmp(options: DmpOptions): Promise<RunningDmp> {
  const registry = new DmpRegistry()
  let base = ''
  const handlers = {
    fhir: [
      provideDocumentBundle(registry, options.cda),
      findDocumentReferences(registry, () => base),
      retrieveDocument(registry),
      searchPatient(registry),
      updateDocumentReference(registry, () => base),
      deleteDocumentReference(registry),
    ],
    xds: [xdsEndpoint(registry, options.cda)],
  }
  const fhir = await startRecordingServer({
    name: 'dmp.fhir',
    basePath: '/fhir',
    handlers: handlers.fhir,
    evidence: options.evidence,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.slowClientTimeoutMs !== undefined ? { slowClientTimeoutMs: options.slowClientTimeoutMs } : {}),
  })
  base = fhir.url
  const xds = await startRecordingServer({
    name: 'dmp.xds',
    basePath: '/xds',
    handlers: handlers.xds,
    evidence: options.evidence,
    ...(options.host ? { host: options.host } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
    ...(options.tls ? { tls: options.tls } : {}),
    ...(options.slowClientTimeoutMs !== undefined ? { slowClientTimeoutMs: options.slowClientTimeoutMs } : {}),
  })
  const next = (transaction: string, insValue: string, signal: AbortSignal) =>
    (FHIR_TRANSACTIONS.has(transaction) ? fhir : xds).log.next(
      (candidate) => candidate.meta['transaction'] === transaction && (String(candidate.meta['patientIns'] ?? '').split('|').at(-1) === insValue || candidate.request.body.includes(insValue)),
      signal,
    )
  return {
    fhirUrl: fhir.url,
    fhir,
    xdsUrl: xds.url,
    xds,
    registry,
    nextProvide: async (insValue, signal) => (await next('ITI-65', insValue, signal)) as HttpExchange<ProvideMeta> | undefined,
    next,
    inject: (fault) => injectFault(fault, { registry, fhir, xds, handlers }),
    close: async () => {
      await Promise.all([fhir.close(), xds.close()])
    },
  }
}
