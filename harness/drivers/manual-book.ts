/**
 * What the manual driver remembers of the campaign so far, so that later instructions name the
 * usager and the document as the operator saw them ("le document « Synthèse » de PAT-TROIS
 * DOMINIQUE") instead of the harness's references alone.
 */
export interface BookUsager {
  readonly localId: string
  readonly family?: string
  readonly given?: string
}

export interface BookDocument {
  readonly documentId: string
  readonly title: string
  readonly usager?: string
}

export class ManualBook {
  readonly #usagers = new Map<string, BookUsager>()
  readonly #documents = new Map<string, BookDocument>()
  #documentCount = 0

  addUsager(usager: BookUsager): void {
    this.#usagers.set(usager.localId, usager)
  }

  addDocument(document: BookDocument): void {
    this.#documents.set(document.documentId, document)
  }

  /** The reference offered to the operator for the next document (`DOC-1`, `DOC-2`…). */
  nextDocumentId(): string {
    this.#documentCount += 1
    return `DOC-${this.#documentCount}`
  }

  /** « l'usager PAT-TROIS DOMINIQUE (référence USG-0001) », or the reference alone when unknown. */
  usager(localId: unknown): string {
    const id = String(localId ?? '?')
    const known = this.#usagers.get(id)
    const name = [known?.family, known?.given].filter(Boolean).join(' ')
    return name ? `l'usager ${name} (référence ${id})` : `l'usager de référence ${id}`
  }

  /** « document « Synthèse » (référence DOC-1) », or the reference alone when unknown; the caller adds « le » or « du ». */
  document(documentId: unknown): string {
    const id = String(documentId ?? '?')
    const known = this.#documents.get(id)
    return known ? `document « ${known.title} » (référence ${id})` : `document de référence ${id}`
  }

  /** The usager a known document belongs to. */
  usagerOf(documentId: unknown): string | undefined {
    return this.#documents.get(String(documentId ?? ''))?.usager
  }
}
