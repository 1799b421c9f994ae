import { buildCdaN1, type N1Document } from './cda-n1.ts'
import { renderPdf } from './pdf.ts'
import { newOid } from './unique-id.ts'
import type { Usager } from './usagers.ts'

/** A document the DUI produced for an usager, ready to share. */
export interface ProducedDocument extends N1Document {
  /** The DUI's own document number. */
  readonly localId: string
  readonly usagerId: string
  /** The CDA R2 document, as sent. */
  readonly cda: Buffer
}

export class DocumentStore {
  readonly #byId = new Map<string, ProducedDocument>()
  #counter = 0

  /** Produces a CDA N1 document (PDF body) for the usager. */
  produceN1(usager: Usager, title: string, typeCode: N1Document['typeCode']): ProducedDocument {
    const localId = `DOC-${String(++this.#counter).padStart(4, '0')}`
    const effectiveTime = new Date()
    const pdf = renderPdf(title, [
      `Usager : ${usager.birthFamilyName} ${usager.firstBirthGivenName}, né(e) le ${usager.birthDate}`,
      `Document ${localId} produit le ${effectiveTime.toISOString().slice(0, 10)}`,
      'Synthèse de l\'accompagnement réalisée par l\'équipe pluridisciplinaire.',
    ])
    const base: N1Document = { id: newOid(), setId: newOid(), version: 1, title, typeCode, effectiveTime, pdf }
    const document: ProducedDocument = { ...base, localId, usagerId: usager.localId, cda: Buffer.from(buildCdaN1(base, usager), 'utf8') }
    this.#byId.set(localId, document)
    return document
  }

  get(localId: string): ProducedDocument {
    const document = this.#byId.get(localId)
    if (!document) throw new Error(`document inconnu : ${localId}`)
    return document
  }
}
