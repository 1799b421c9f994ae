import type { CareRecord } from '../care-record.ts'
import type { Mistakes } from '../defects/index.ts'
import type { FormatCode } from '../format-codes.ts'
import type { Usager } from '../usagers.ts'
import type { ClinicalDocumentHeader, Coded, Signatory, TemplateId } from './clinical-document.ts'

/** The document models the DUI can write, as the `model` parameter of `document.produce` names them. */
export type DocumentModelName =
  | 'dlu'
  | 'fludt'
  | 'fludr'
  | 'vsm'
  | 'ips-fr-dlu'
  | 'lettre-liaison-entree'
  | 'lettre-liaison-sortie'
  | 'projet-personnalise'

export interface ModelContext {
  readonly usager: Usager
  readonly record: CareRecord
  /** When the document is written. */
  readonly at: Date
  readonly mistakes: Mistakes
}

/** What a model writes for one usager: the header facts of its kind, and its body. */
export interface ModelDocument {
  readonly title: string
  readonly typeCode: Coded
  readonly formatCode: FormatCode
  readonly author: Signatory
  readonly serviceEvent: ClinicalDocumentHeader['serviceEvent']
  readonly withAttendingPhysician?: boolean
  readonly body:
    | { readonly kind: 'structured'; readonly templateIds: readonly TemplateId[]; readonly sections: readonly string[] }
    /** A model without a CI-SIS structured body: sent as CDA N1 with this text as a PDF. */
    | { readonly kind: 'pdf'; readonly lines: readonly string[] }
}

export interface DocumentModel {
  readonly name: DocumentModelName
  /** How the model is sent: a CI-SIS structured body, or a PDF in a CDA N1 (the `format` of `document.produce`). */
  readonly format: 'cda-structured' | 'cda-n1-pdf'
  write(ctx: ModelContext): ModelDocument
}
