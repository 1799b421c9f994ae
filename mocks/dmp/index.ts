import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { HttpExchange } from '../http/exchange.ts'
import { startRecordingServer, type RecordingServer } from '../http/server.ts'
import { findDocumentReferences } from './pdsm/find-documents.ts'
import { searchPatient } from './pdsm/patient-search.ts'
import { provideDocumentBundle, type ProvideMeta } from './pdsm/provide.ts'
import { retrieveDocument } from './pdsm/retrieve-document.ts'
import { deleteDocumentReference, updateDocumentReference } from './pdsm/update-document.ts'
import { DmpRegistry } from './registry.ts'

export type { ProvideMeta } from './pdsm/provide.ts'
export { DmpRegistry, STATUS, type StoredDocument, type DmpState } from './registry.ts'

export interface DmpOptions {
  readonly evidence: EvidenceStore
  readonly host?: string
  readonly port?: number
  /** Bytes of request body kept as evidence; larger bodies get a 413. */
  readonly maxBodyBytes?: number
}

export interface RunningDmp {
  /** FHIR base of the PDSm / MHD endpoint. */
  readonly fhirUrl: string
  readonly fhir: RecordingServer
  /** Documents and DMP states, shared by every transport. */
  readonly registry: DmpRegistry
  /**
   * The next ITI-65 submission for a patient (INS matricule), claimed for the caller; undefined
   * when `signal` aborts first.
   */
  nextProvide(insValue: string, signal: AbortSignal): Promise<HttpExchange<ProvideMeta> | undefined>
  /** The next exchange of a transaction handler (e.g. `dmp.iti67`) about a patient. */
  next(handler: string, insValue: string, signal: AbortSignal): Promise<HttpExchange | undefined>
  close(): Promise<void>
}

/** Starts the DMP simulator (PDSm over FHIR R4). */
export async function startDmp(options: DmpOptions): Promise<RunningDmp> {
  const registry = new DmpRegistry()
  let base = ''
  const fhir = await startRecordingServer({
    name: 'dmp.fhir',
    basePath: '/fhir',
    handlers: [
      provideDocumentBundle(registry),
      findDocumentReferences(registry, () => base),
      retrieveDocument(registry),
      searchPatient(registry),
      updateDocumentReference(registry, () => base),
      deleteDocumentReference(registry),
    ],
    evidence: options.evidence,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  })
  base = fhir.url
  const next = (handler: string, insValue: string, signal: AbortSignal) =>
    fhir.log.next((candidate) => candidate.handler === handler && (candidate.meta['patientIns'] === insValue || String(candidate.meta['patientIns'] ?? '').endsWith(`|${insValue}`) || candidate.request.body.includes(insValue)), signal)
  return {
    fhirUrl: fhir.url,
    fhir,
    registry,
    nextProvide: async (insValue, signal) => (await next('dmp.iti65', insValue, signal)) as HttpExchange<ProvideMeta> | undefined,
    next,
    close: () => fhir.close(),
  }
}
