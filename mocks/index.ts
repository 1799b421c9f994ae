import type { Endpoints } from '../harness/drivers/driver.ts'
import type { EvidenceStore } from '../harness/evidence/index.ts'
import { startDmp, type RunningDmp } from './dmp/index.ts'

export type { RunningDmp, ProvideMeta } from './dmp/index.ts'
export type { HttpExchange } from './http/exchange.ts'

export interface MocksOptions {
  readonly evidence: EvidenceStore
  /** Interface to bind; loopback unless the user asks otherwise. */
  readonly host?: string
}

/** Every simulator of a run. */
export interface RunningMocks {
  readonly dmp: RunningDmp
  /** The endpoints JSON handed to the candidate (DESIGN §6). */
  endpoints(): Endpoints
  /** Drops per-scenario handler overrides. */
  reset(): void
  close(): Promise<void>
}

/** Starts every simulator on its own port (port 0: the OS picks). */
export async function startMocks(options: MocksOptions): Promise<RunningMocks> {
  const host = options.host ?? '127.0.0.1'
  const dmp = await startDmp({ evidence: options.evidence, host })
  return {
    dmp,
    endpoints: () => ({ dmp: { fhir: dmp.fhirUrl, xds: dmp.xdsUrl } }),
    reset: () => {
      dmp.fhir.resetHandlers()
      dmp.xds.resetHandlers()
    },
    close: async () => {
      await dmp.close()
    },
  }
}
