import { buildCdaN1, type N1Document } from './cda-n1.ts'
import type { Mistakes } from './defects/index.ts'
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
  /** Local id of the version this one replaces. */
  readonly replacesLocalId?: string
}

export class DocumentStore {
  /** The seeded defect's mistakes in writing CDA documents; none for the conforming reference. */
  constructor(private readonly mistakes: Mistakes = {}) {}

  readonly #byId = new Map<string, ProducedDocument>()
  #counter = 0

  /** Produces a CDA N1 document (PDF body) for the usager. */
  produceN1(usager: Usager, title: string, typeCode: N1Document['typeCode']): ProducedDocument {
    return this.#store(usager, title, typeCode, { id: newOid(), setId: newOid(), version: 1 })
  }

  /** A new version of a document: same setId, next version number, replacing the previous one. */
  revise(previous: ProducedDocument, usager: Usager, title: string): ProducedDocument {
    const replaces = { id: previous.id, setId: previous.setId, version: previous.version }
    return this.#store(usager, title, previous.typeCode, { id: newOid(), setId: previous.setId, version: previous.version + 1, replaces }, previous.localId)
  }

  #store(usager: Usager, title: string, typeCode: N1Document['typeCode'], ids: Pick<N1Document, 'id' | 'setId' | 'version' | 'replaces'>, replacesLocalId?: string): ProducedDocument {
    const localId = `DOC-${String(++this.#counter).padStart(4, '0')}`
    const effectiveTime = new Date()
    const pdf = renderPdf(title, [
      `Usager : ${usager.birthFamilyName} ${usager.firstBirthGivenName}, né(e) le ${usager.birthDate}`,
      `Document ${localId} (version ${ids.version}) produit le ${effectiveTime.toISOString().slice(0, 10)}`,
      'Synthèse de l\'accompagnement réalisée par l\'équipe pluridisciplinaire.',
    ])
    const base: N1Document = { ...ids, title, typeCode, effectiveTime, pdf }
    const document: ProducedDocument = { ...base, localId, usagerId: usager.localId, cda: Buffer.from(buildCdaN1(base, usager, this.mistakes), 'utf8'), ...(replacesLocalId ? { replacesLocalId } : {}) }
    this.#byId.set(localId, document)
    return document
  }

  get(localId: string): ProducedDocument {
    const document = this.#byId.get(localId)
    if (!document) throw new Error(`document inconnu : ${localId}`)
    return document
  }
}
