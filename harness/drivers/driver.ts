/**
 * How the harness drives a candidate DUI (docs/driver-protocol.md). The HTTP driver speaks the
 * protocol to a vendor's endpoint; the reference candidate is the same protocol on a child process.
 */

/** What `GET {driver}/capabilities` answers. */
export interface Capabilities {
  readonly name: string
  readonly version?: string
  /** Action names the candidate supports, e.g. `dmp.share`. */
  readonly actions: readonly string[]
}

/** Endpoints of every simulator, handed to the candidate by `POST {driver}/session`. */
export interface Endpoints {
  readonly dmp: { readonly fhir: string; readonly xds?: string }
  readonly mssante?: { readonly smtp: string; readonly imap: string; readonly domain: string }
  readonly insi?: string
  readonly psc?: { readonly issuer: string }
  readonly annuaire?: string
  /** Path of the PEM file of the test CA (when simulators serve TLS). */
  readonly ca?: string
  /**
   * PEM paths of the INSi client certificate (CN `INSI-AUTO`) issued by the test CA, for the
   * INSi simulator's mutual TLS; a real DUI would present its IGC-Santé certificate.
   */
  readonly insiCertificate?: { readonly cert: string; readonly key: string }
}

export interface SessionInfo {
  readonly runId: string
  readonly endpoints: Endpoints
  /** PEM text of the test CA, when simulators serve TLS. */
  readonly caPem?: string
}

/** What `POST {driver}/actions/{name}` answered. */
export type ActionResult =
  | { readonly ok: true; readonly result: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly error: string }

export interface ActionOutcome {
  readonly result: ActionResult
  readonly call: DriverCall
}

/** One call made to the candidate, for evidence. */
export interface DriverCall {
  readonly method: string
  readonly url: string
  readonly requestBody?: string
  readonly status?: number
  readonly responseBody?: string
  readonly startedAt: string
  readonly durationMs: number
}

export interface Driver {
  /** Shown in reports: `reference`, `reference:<defect>`, or the driver URL. */
  readonly label: string
  capabilities(): Promise<Capabilities>
  openSession(session: SessionInfo): Promise<void>
  /** Asks the candidate to perform an action; the call itself is returned for evidence. */
  trigger(action: string, params: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ActionOutcome>
  /** Called once at the end of the run; stops what the driver started. */
  close(): Promise<void>
  /** Observer for evidence of the session calls (capabilities, session). */
  onCall?: (call: DriverCall) => void
}

/** The candidate could not be reached or answered outside the protocol. */
export class DriverError extends Error {
  override readonly name = 'DriverError'
  constructor(
    message: string,
    /** The call that failed, for evidence. */
    readonly call?: DriverCall,
  ) {
    super(message)
  }
}
