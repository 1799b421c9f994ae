import type { EvidenceStore } from '../../harness/evidence/index.ts'
import type { HttpExchange } from '../http/exchange.ts'
import { startRecordingServer, type RecordingServer } from '../http/server.ts'
import { provideDocumentBundle, type ProvideMeta } from './pdsm.ts'

export type { ProvideMeta } from './pdsm.ts'

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
  /**
   * The next ITI-65 submission for a patient (INS matricule), claimed for the caller; undefined
   * when `signal` aborts first. Correlation is by the INS appearing in the request.
   */
  nextProvide(insValue: string, signal: AbortSignal): Promise<HttpExchange<ProvideMeta> | undefined>
  close(): Promise<void>
}

/** Starts the DMP simulator (PDSm over FHIR R4). */
export async function startDmp(options: DmpOptions): Promise<RunningDmp> {
  const fhir = await startRecordingServer({
    name: 'dmp.fhir',
    basePath: '/fhir',
    handlers: [provideDocumentBundle()],
    evidence: options.evidence,
    ...(options.host ? { host: options.host } : {}),
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.maxBodyBytes !== undefined ? { maxBodyBytes: options.maxBodyBytes } : {}),
  })
  return {
    fhirUrl: fhir.url,
    fhir,
    nextProvide: async (insValue, signal) => {
      const exchange = await fhir.log.next((candidate) => candidate.handler === 'dmp.iti65' && candidate.request.body.includes(insValue), signal)
      return exchange as HttpExchange<ProvideMeta> | undefined
    },
    close: () => fhir.close(),
  }
}
