/**
 * One recorded exchange or file. Raw bytes live on disk under the run's `evidence/` folder;
 * the report refers to them by `id`.
 */
export type EvidenceKind = 'http-exchange' | 'smtp-message' | 'imap-session' | 'soap-call' | 'file' | 'log'

export interface EvidenceFile {
  /** Path relative to the run directory, e.g. `evidence/e-0003/request.bin`. */
  readonly path: string
  readonly role: string
  readonly contentType?: string
  readonly sha256: string
  readonly bytes: number
}

export interface Evidence {
  /** Stable within a run: `e-0007`. */
  readonly id: string
  readonly kind: EvidenceKind
  /** Which side spoke first, as seen by the harness. */
  readonly direction: 'incoming' | 'outgoing'
  /** ISO time the exchange started. */
  readonly at: string
  /** One line, e.g. `POST /fhir → 200`. */
  readonly summary: string
  /** Simulator or driver that recorded it, e.g. `dmp.fhir`, `driver`. */
  readonly source: string
  /** Which handler answered; absent for an unhandled request. */
  readonly handler?: string
  readonly files: readonly EvidenceFile[]
}
