import { createHash } from 'node:crypto'
import type { Mistakes } from '../defects/index.ts'
import type { ProducedDocument } from '../documents.ts'
import { establishment, INSTALLATION_OID, OID } from '../establishment.ts'
import { newOid } from '../unique-id.ts'
import type { Usager } from '../usagers.ts'
import { insCx, NS } from './namespaces.ts'
import { escapeXml } from '../xml-escape.ts'

const SCHEME = {
  classCode: 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a',
  typeCode: 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983',
  formatCode: 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d',
  confidentialityCode: 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f',
  healthcareFacilityTypeCode: 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1',
  practiceSettingCode: 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead',
  author: 'urn:uuid:93606bcf-9494-43ec-9b4e-a7748d1a838d',
  patientId: 'urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427',
  uniqueId: 'urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab',
  submissionSet: 'urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd',
  setContentType: 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500',
  setUniqueId: 'urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8',
  setSourceId: 'urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832',
  setPatientId: 'urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446',
} as const

/** The OID this installation of the DUI declares as its sourceId. */
const SOURCE_ID = newOid()

export interface ProvideRequest {
  /** The ProvideAndRegisterDocumentSetRequest element. */
  readonly body: string
  readonly contentId: string
}

/**
 * ITI-41 body: the DocumentEntry (metadata taken from the CDA header the DUI wrote), the
 * submission set, their association, an RPLC association when the document replaces an earlier
 * version, and the document as an xop:Include.
 */
export function provideRequest(document: ProducedDocument, usager: Usager, replacesEntryUuid?: string, mistakes: Mistakes = {}): ProvideRequest {
  if (usager.status !== 'QUAL' || !usager.ins) throw new Error(`l'identité de l'usager ${usager.localId} n'est pas qualifiée : son INS ne peut pas être transmis au DMP`)
  const patientId = insCx(usager.ins)
  const contentId = `doc.${document.localId}@dui-reference`
  const time = document.effectiveTime.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  const slot = (name: string, ...values: string[]) => `<rim:Slot name="${name}"><rim:ValueList>${values.map((v) => `<rim:Value>${escapeXml(v)}</rim:Value>`).join('')}</rim:ValueList></rim:Slot>`
  const name = (text: string) => `<rim:Name><rim:LocalizedString value="${escapeXml(text)}"/></rim:Name>`
  let n = 0
  const classification = (scheme: string, object: string, code: string, codingScheme: string, display: string) =>
    `<rim:Classification id="cl${++n}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${escapeXml(code)}">${slot('codingScheme', codingScheme)}${name(display)}</rim:Classification>`
  const identifier = (scheme: string, object: string, value: string, label: string) =>
    `<rim:ExternalIdentifier id="ei${++n}" identificationScheme="${scheme}" registryObject="${object}" value="${escapeXml(value)}">${name(label)}</rim:ExternalIdentifier>`
  const { author: writer } = document
  const author = `<rim:Classification id="cl${++n}" classificationScheme="${SCHEME.author}" classifiedObject="Document01" nodeRepresentation="">${slot('authorPerson', `${writer.idNat}^${writer.family}^${writer.given}^^^^^^&${OID.psIdNat}&ISO^D^^^IDNPS`)}${slot('authorInstitution', `${establishment.name}^^^^^&${OID.structureIdNat}&ISO^IDNST^^^${establishment.idNat}`)}${slot('authorSpecialty', `${writer.profession.code}^${writer.profession.display}^${OID.profession}`)}</rim:Classification>`
  const documentEntry = `<rim:ExtrinsicObject id="Document01" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
${slot('creationTime', time)}${slot('hash', createHash('sha1').update(document.cda).digest('hex'))}${slot('size', String(document.cda.length))}${slot('languageCode', 'fr-FR')}${slot('serviceStartTime', time)}${slot('serviceStopTime', time)}${slot('sourcePatientId', `${usager.localId}^^^&${INSTALLATION_OID}&ISO^PI`)}
${name(document.title)}
${author}
${classification(SCHEME.classCode, 'Document01', '11', '1.2.250.1.213.1.1.4.1', 'Synthèse')}
${classification(SCHEME.confidentialityCode, 'Document01', 'N', '2.16.840.1.113883.5.25', 'Normal')}
${classification(SCHEME.formatCode, 'Document01', document.formatCode.code, document.formatCode.codingScheme, document.formatCode.displayName)}
${classification(SCHEME.healthcareFacilityTypeCode, 'Document01', mistakes.facilityTypeCode ?? establishment.activitySector.code, OID.activitySector, establishment.activitySector.display)}
${classification(SCHEME.practiceSettingCode, 'Document01', establishment.practiceSetting.code, OID.practiceSetting, establishment.practiceSetting.display)}
${classification(SCHEME.typeCode, 'Document01', mistakes.metadataTypeCode ?? document.typeCode.code, document.typeCode.codeSystem, document.typeCode.displayName)}
${identifier(SCHEME.patientId, 'Document01', patientId, 'XDSDocumentEntry.patientId')}
${identifier(SCHEME.uniqueId, 'Document01', document.id, 'XDSDocumentEntry.uniqueId')}
</rim:ExtrinsicObject>`
  const submissionSet = `<rim:RegistryPackage id="SubmissionSet01">
${slot('submissionTime', new Date().toISOString().replace(/[-:T]/g, '').slice(0, 14))}
${name('Alimentation du DMP')}
${classification(SCHEME.setContentType, 'SubmissionSet01', establishment.activitySector.code, OID.activitySector, establishment.activitySector.display)}
${identifier(SCHEME.setUniqueId, 'SubmissionSet01', newOid(), 'XDSSubmissionSet.uniqueId')}
${identifier(SCHEME.setSourceId, 'SubmissionSet01', SOURCE_ID, 'XDSSubmissionSet.sourceId')}
${identifier(SCHEME.setPatientId, 'SubmissionSet01', patientId, 'XDSSubmissionSet.patientId')}
</rim:RegistryPackage>
<rim:Classification id="cl${++n}" classifiedObject="SubmissionSet01" classificationNode="${SCHEME.submissionSet}"/>
<rim:Association id="as1" associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" sourceObject="SubmissionSet01" targetObject="Document01">${slot('SubmissionSetStatus', 'Original')}</rim:Association>${
    replacesEntryUuid ? `\n<rim:Association id="as2" associationType="urn:ihe:iti:2007:AssociationType:RPLC" sourceObject="Document01" targetObject="${replacesEntryUuid}"/>` : ''
  }`
  const body = `<xdsb:ProvideAndRegisterDocumentSetRequest xmlns:xdsb="${NS.xdsb}"><lcm:SubmitObjectsRequest xmlns:lcm="${NS.lcm}"><rim:RegistryObjectList xmlns:rim="${NS.rim}">
${documentEntry}
${submissionSet}
</rim:RegistryObjectList></lcm:SubmitObjectsRequest><xdsb:Document id="Document01"><xop:Include xmlns:xop="${NS.xop}" href="cid:${encodeURIComponent(contentId)}"/></xdsb:Document></xdsb:ProvideAndRegisterDocumentSetRequest>`
  return { body, contentId }
}
