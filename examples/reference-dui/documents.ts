import { fictitiousCareRecord } from './care-record.ts'
import { buildCdaN1 } from './cda-n1.ts'
import { buildClinicalDocument, type ClinicalDocumentHeader, type Coded, type Signatory } from './cda/clinical-document.ts'
import type { DocumentModel } from './cda/document-model.ts'
import type { Mistakes } from './defects/index.ts'
import { professional } from './establishment.ts'
import { FORMAT_CODES, type FormatCode } from './format-codes.ts'
import { renderPdf } from './pdf.ts'
import { newOid } from './unique-id.ts'
import type { Usager } from './usagers.ts'

/** OID of the JDV_J07_XdsTypeCode_CISIS value set (the document types the user picks from). */
const TYPE_CODE_VALUE_SET = '1.2.250.1.213.1.1.5.471'

/** Where a document's content comes from: a type the user picked (PDF body), or a CI-SIS model. */
type DocumentSource = { readonly kind: 'picked'; readonly typeCode: Coded } | { readonly kind: 'model'; readonly model: DocumentModel }

type DocumentIds = Pick<ClinicalDocumentHeader, 'id' | 'setId' | 'version' | 'replaces'>

/** A document the DUI produced for an usager, ready to share. */
export interface ProducedDocument extends DocumentIds {
  /** The DUI's own document number. */
  readonly localId: string
  readonly usagerId: string
  readonly title: string
  readonly typeCode: Coded
  /** Who wrote and signed it. */
  readonly author: Signatory
  /** XDS formatCode of the CDA sent. */
  readonly formatCode: FormatCode
  /** When the document was produced. */
  readonly effectiveTime: Date
  /** The document as a PDF: the body of an N1 document, the printable copy of a structured one. */
  readonly pdf: Buffer
  /** The CDA R2 document, as sent. */
  readonly cda: Buffer
  /** Local id of the version this one replaces. */
  readonly replacesLocalId?: string
  readonly source: DocumentSource
}

export class DocumentStore {
  /** The seeded defect's mistakes in writing CDA documents; none for the conforming reference. */
  constructor(private readonly mistakes: Mistakes = {}) {}

  readonly #byId = new Map<string, ProducedDocument>()
  #counter = 0

  /** Produces a CDA N1 document (PDF body) of the type the user picked. */
  produceN1(usager: Usager, title: string, typeCode: Coded): ProducedDocument {
    const picked = this.mistakes.typeCodeSystemFromValueSet ? { ...typeCode, codeSystem: TYPE_CODE_VALUE_SET } : typeCode
    return this.#store(usager, { kind: 'picked', typeCode: picked }, title, { id: newOid(), setId: newOid(), version: 1 })
  }

  /** Produces a document of a CI-SIS model (DLU, FLUDT, VSM…) from the usager's care record. */
  produceModel(usager: Usager, model: DocumentModel): ProducedDocument {
    return this.#store(usager, { kind: 'model', model }, undefined, { id: newOid(), setId: newOid(), version: 1 })
  }

  /** A new version of a document: same setId, next version number, replacing the previous one. */
  revise(previous: ProducedDocument, usager: Usager, title: string): ProducedDocument {
    const replaces = { id: previous.id, setId: previous.setId, version: previous.version }
    const setId = this.mistakes.revisionNewSetId ? newOid() : previous.setId
    return this.#store(usager, previous.source, title, { id: newOid(), setId, version: previous.version + 1, replaces }, previous.localId)
  }

  #store(usager: Usager, source: DocumentSource, title: string | undefined, ids: DocumentIds, replacesLocalId?: string): ProducedDocument {
    const localId = `DOC-${String(++this.#counter).padStart(4, '0')}`
    const effectiveTime = new Date()
    const subject = `Usager : ${usager.birthFamilyName} ${usager.firstBirthGivenName}, né(e) le ${usager.birthDate}`
    const produced = `Document ${localId} (version ${ids.version}) produit le ${effectiveTime.toISOString().slice(0, 10)}`
    let written: Pick<ProducedDocument, 'title' | 'typeCode' | 'author' | 'formatCode' | 'pdf' | 'cda'>
    if (source.kind === 'picked') {
      const documentTitle = title ?? 'Document'
      const pdf = renderPdf(documentTitle, [subject, produced, 'Synthèse de l\'accompagnement réalisée par l\'équipe pluridisciplinaire.'])
      const header = { ...ids, title: documentTitle, typeCode: source.typeCode, effectiveTime, author: professional, serviceEvent: { start: effectiveTime, end: effectiveTime } }
      written = { title: documentTitle, typeCode: source.typeCode, author: professional, formatCode: FORMAT_CODES.pdf, pdf, cda: Buffer.from(buildCdaN1(header, pdf, usager, this.mistakes), 'utf8') }
    } else {
      const content = source.model.write({ usager, record: fictitiousCareRecord(), at: effectiveTime, mistakes: this.mistakes })
      const documentTitle = title ?? content.title
      const header = { ...ids, ...content, title: documentTitle, effectiveTime }
      if (content.body.kind === 'pdf') {
        const pdf = renderPdf(documentTitle, [subject, produced, ...content.body.lines])
        written = { title: documentTitle, typeCode: content.typeCode, author: content.author, formatCode: content.formatCode, pdf, cda: Buffer.from(buildCdaN1(header, pdf, usager, this.mistakes), 'utf8') }
      } else {
        const pdf = renderPdf(documentTitle, [subject, produced, 'Copie imprimable : le document structuré (CDA R2) fait foi.'])
        const body = `<structuredBody>
    ${content.body.sections.join('\n    ')}
    </structuredBody>`
        const cda = buildClinicalDocument({ ...header, templateIds: content.body.templateIds }, usager, body, this.mistakes)
        written = { title: documentTitle, typeCode: content.typeCode, author: content.author, formatCode: content.formatCode, pdf, cda: Buffer.from(cda, 'utf8') }
      }
    }
    const document: ProducedDocument = { ...ids, ...written, localId, usagerId: usager.localId, effectiveTime, source, ...(replacesLocalId ? { replacesLocalId } : {}) }
    this.#byId.set(localId, document)
    return document
  }

  get(localId: string): ProducedDocument {
    const document = this.#byId.get(localId)
    if (!document) throw new Error(`document inconnu : ${localId}`)
    return document
  }
}
