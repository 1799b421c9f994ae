import { randomUUID } from 'node:crypto'
import type { Code, PatientRef } from '../../harness/validate/xds/index.ts'

/** XDS availabilityStatus values the DMP uses (TRE_R270 for the asip ones). */
export const STATUS = {
  approved: 'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved',
  deprecated: 'urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated',
  archived: 'urn:asip:ci-sis:2010:StatusType:Archived',
  deleted: 'urn:asip:ci-sis:2010:StatusType:Deleted',
} as const

export type AvailabilityStatus = (typeof STATUS)[keyof typeof STATUS]

/** One document version the DMP holds. */
export interface StoredDocument {
  /** Registry id: changes with every new version or metadata change (DocumentReference.id). */
  entryUuid: string
  /** Stable across metadata updates (DocumentReference.identifier). */
  readonly logicalId: string
  /** Assigned by the producer (masterIdentifier / XDSDocumentEntry.uniqueId). */
  readonly uniqueId: string
  readonly patient: PatientRef
  status: AvailabilityStatus
  confidentialityCodes: Code[]
  readonly typeCode?: Code
  readonly classCode?: Code
  readonly formatCode?: Code
  readonly mimeType: string
  readonly title?: string
  readonly bytes: Buffer
  readonly submittedAt: string
  readonly transport: 'fhir' | 'ebrim'
  /** uniqueId of the document this one replaced (RPLC). */
  readonly replaces?: string
}

/** State of one patient's DMP, as TD0.2 reports it. */
export type DmpState = 'active' | 'closed' | 'absent'

/**
 * The DMP's registry and repository, shared by the FHIR (PDSm) and SOAP (XDS.b) endpoints so
 * replace, mask, archive and delete can be checked whatever the transport.
 */
export class DmpRegistry {
  readonly #documents: StoredDocument[] = []
  readonly #dmpStates = new Map<string, DmpState>()

  /** State of the DMP of an INS; unknown INS have an active DMP unless a scenario says otherwise. */
  dmpState(insValue: string): DmpState {
    return this.#dmpStates.get(insValue) ?? 'active'
  }

  setDmpState(insValue: string, state: DmpState): void {
    this.#dmpStates.set(insValue, state)
  }

  add(document: Omit<StoredDocument, 'entryUuid' | 'logicalId' | 'status'> & { status?: AvailabilityStatus }): StoredDocument {
    const stored: StoredDocument = { ...document, entryUuid: randomUUID(), logicalId: randomUUID(), status: document.status ?? STATUS.approved }
    if (document.replaces) {
      const previous = this.byUniqueId(document.replaces)
      if (previous) previous.status = STATUS.deprecated
    }
    this.#documents.push(stored)
    return stored
  }

  byUniqueId(uniqueId: string): StoredDocument | undefined {
    return this.#documents.find((document) => document.uniqueId === uniqueId)
  }

  byLogicalId(logicalId: string): StoredDocument | undefined {
    return this.#documents.find((document) => document.logicalId === logicalId)
  }

  byEntryUuid(entryUuid: string): StoredDocument | undefined {
    return this.#documents.find((document) => document.entryUuid === entryUuid)
  }

  /** Documents of a patient, optionally restricted to some statuses. */
  find(insValue: string, statuses?: readonly AvailabilityStatus[]): StoredDocument[] {
    return this.#documents.filter((document) => document.patient.value === insValue && (!statuses || statuses.includes(document.status)))
  }

  /** A metadata change makes a new registry version: new entryUuid, same logicalId. */
  update(document: StoredDocument, change: { status?: AvailabilityStatus; confidentialityCodes?: Code[] }): StoredDocument {
    if (change.status) document.status = change.status
    if (change.confidentialityCodes) document.confidentialityCodes = change.confidentialityCodes
    document.entryUuid = randomUUID()
    return document
  }
}
