import type { Mistakes } from './defects/index.ts'
import { DocumentStore } from './documents.ts'
import { UsagerRegistry } from './usagers.ts'

/** The endpoints the harness hands over at session start (docs/driver-protocol.md). */
export interface SessionEndpoints {
  readonly dmp: { readonly fhir: string; readonly xds?: string }
  readonly mssante?: { readonly smtp: string; readonly imap: string; readonly domain: string }
  readonly insi?: string
  readonly psc?: { readonly issuer: string }
  readonly annuaire?: string
  readonly ca?: string
}

/** What the DUI knows: its records, and where the national services are for this session. */
export class Dui {
  readonly usagers = new UsagerRegistry()
  readonly documents: DocumentStore
  #endpoints: SessionEndpoints | undefined

  /** The seeded defect's deliberate mistakes; empty for the conforming reference. */
  constructor(readonly mistakes: Mistakes = {}) {
    this.documents = new DocumentStore(mistakes)
  }

  openSession(endpoints: SessionEndpoints): void {
    this.#endpoints = endpoints
  }

  get endpoints(): SessionEndpoints {
    if (!this.#endpoints) throw new Error('aucune session ouverte : adresses des services nationaux inconnues')
    return this.#endpoints
  }
}

export type ActionParams = Record<string, unknown>
/** One thing a user can do in the DUI's screens, as the harness asks for it. */
export type Action = (params: ActionParams) => Promise<Record<string, unknown>> | Record<string, unknown>
