import { XMLParser } from 'fast-xml-parser'
import type { Mistakes } from '../defects/index.ts'
import { NS } from './namespaces.ts'
import { mtomPackage, soapEnvelope } from './soap-message.ts'
import { vihfSecurityHeader } from './vihf.ts'

/** A document entry as the registry lists it (ITI-18 LeafClass). */
export interface RegistryEntry {
  readonly entryUuid: string
  readonly uniqueId: string
  readonly status: string
}

const ACTIONS = {
  provide: 'urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b',
  query: 'urn:ihe:iti:2007:RegistryStoredQuery',
  update: 'urn:ihe:iti:2010:UpdateDocumentSet',
} as const

const parser = new XMLParser({ ignoreAttributes: false, removeNSPrefix: true, attributeNamePrefix: '@', isArray: (name) => ['ExtrinsicObject', 'ExternalIdentifier', 'RegistryError'].includes(name) })

/** Talks to the DMP's XDS.b SOAP services (TD2.1 feed, TD3.1 search, TD3.3 management). */
export class XdsClient {
  constructor(
    private readonly endpoint: string,
    private readonly mistakes: Mistakes = {},
  ) {}

  /** ITI-41, MTOM/XOP with the CDA as a binary part. */
  async provide(patient: { value: string; oid: string }, body: string, document: { contentId: string; bytes: Buffer }): Promise<void> {
    const security = this.mistakes.omitVihf ? '' : vihfSecurityHeader(patient)
    if (this.mistakes.xdsWithoutMtom) {
      const inline = body.replace(/<xop:Include[^>]*\/>/, document.bytes.toString('base64'))
      await this.#post(ACTIONS.provide, 'application/soap+xml; charset=UTF-8', Buffer.from(soapEnvelope(ACTIONS.provide, this.endpoint, security, inline)))
      return
    }
    const { contentType, body: mime } = mtomPackage(soapEnvelope(ACTIONS.provide, this.endpoint, security, body), [{ contentId: document.contentId, contentType: 'text/xml', bytes: document.bytes }])
    await this.#post(ACTIONS.provide, contentType, mime)
  }

  /** ITI-18 FindDocuments for a patient, restricted to the given availability statuses. */
  async findDocuments(patient: { value: string; oid: string }, statuses: readonly string[]): Promise<RegistryEntry[]> {
    const patientId = `'${patient.value}^^^&amp;${patient.oid}&amp;ISO^NH'`
    const body = `<query:AdhocQueryRequest xmlns:query="${NS.query}" xmlns:rim="${NS.rim}"><query:ResponseOption returnType="LeafClass" returnComposedObjects="true"/><rim:AdhocQuery id="urn:uuid:14d4debf-8f97-4251-9a74-a90016b0af0d"><rim:Slot name="$XDSDocumentEntryPatientId"><rim:ValueList><rim:Value>${patientId}</rim:Value></rim:ValueList></rim:Slot><rim:Slot name="$XDSDocumentEntryStatus"><rim:ValueList><rim:Value>(${statuses.map((s) => `'${s}'`).join(',')})</rim:Value></rim:ValueList></rim:Slot></rim:AdhocQuery></query:AdhocQueryRequest>`
    const response = await this.#post(ACTIONS.query, 'application/soap+xml; charset=UTF-8', Buffer.from(soapEnvelope(ACTIONS.query, this.endpoint, vihfSecurityHeader(patient), body)))
    const objects = (response['Envelope']?.['Body']?.['AdhocQueryResponse']?.['RegistryObjectList']?.['ExtrinsicObject'] ?? []) as Record<string, any>[]
    return objects.map((object) => ({
      entryUuid: String(object['@id']),
      status: String(object['@status']),
      uniqueId: String((object['ExternalIdentifier'] as Record<string, string>[]).find((e) => e['@identificationScheme'] === 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab')?.['@value'] ?? ''),
    }))
  }

  /** ITI-57 UpdateAvailabilityStatus (archive, unarchive, delete). */
  async updateStatus(patient: { value: string; oid: string }, entry: RegistryEntry, next: string): Promise<void> {
    const body = `<lcm:SubmitObjectsRequest xmlns:lcm="${NS.lcm}" xmlns:rim="${NS.rim}"><rim:RegistryObjectList><rim:RegistryPackage id="SubmissionSet01" objectType="urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject:RegistryPackage"/><rim:Classification id="cl1" classifiedObject="SubmissionSet01" classificationNode="urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd"/><rim:Association id="as1" associationType="urn:ihe:iti:2010:AssociationType:UpdateAvailabilityStatus" sourceObject="SubmissionSet01" targetObject="${entry.entryUuid}"><rim:Slot name="OriginalStatus"><rim:ValueList><rim:Value>${entry.status}</rim:Value></rim:ValueList></rim:Slot><rim:Slot name="NewStatus"><rim:ValueList><rim:Value>${next}</rim:Value></rim:ValueList></rim:Slot></rim:Association></rim:RegistryObjectList></lcm:SubmitObjectsRequest>`
    await this.#post(ACTIONS.update, 'application/soap+xml; charset=UTF-8', Buffer.from(soapEnvelope(ACTIONS.update, this.endpoint, vihfSecurityHeader(patient), body)))
  }

  /** Posts a SOAP request; a SOAP Fault or a Failure RegistryResponse becomes an error with the DMP's words. */
  async #post(action: string, contentType: string, body: Buffer): Promise<Record<string, any>> {
    const response = await fetch(this.endpoint, { method: 'POST', headers: { 'content-type': contentType.includes('action=') ? contentType : `${contentType}; action="${action}"` }, body: new Uint8Array(body) })
    const text = await response.text()
    const xml = parser.parse(text.slice(text.indexOf('<'))) as Record<string, any>
    const fault = xml['Envelope']?.['Body']?.['Fault']
    if (fault) throw new Error(`le DMP a répondu une faute SOAP : ${String(fault['Reason']?.['Text']?.['#text'] ?? fault['Reason']?.['Text'] ?? 'sans raison')}`)
    const result = Object.values((xml['Envelope']?.['Body'] ?? {}) as Record<string, any>)[0] as Record<string, any> | undefined
    const status = String(result?.['@status'] ?? '')
    if (!status.endsWith(':Success')) {
      const errors = ((result?.['RegistryErrorList']?.['RegistryError'] ?? []) as Record<string, string>[]).map((e) => e['@codeContext']).join(' ; ')
      throw new Error(`le DMP a refusé la requête (${status || `HTTP ${response.status}`})${errors ? ` : ${errors}` : ''}`)
    }
    return xml
  }
}
