import { createHash } from 'node:crypto'
import { strToU8, zipSync } from 'fflate'
import type { Mistakes } from './defects/index.ts'
import type { ProducedDocument } from './documents.ts'
import { establishment, INSTALLATION_OID, OID, professional } from './establishment.ts'
import { newOid } from './unique-id.ts'
import type { Usager } from './usagers.ts'
import { escapeXml as xml } from './xml-escape.ts'

/** Fixed zip mtime: the same documents give the same archive bytes. */
const MTIME = new Date('2000-01-01T00:00:00Z')

/**
 * The IHE_XDM.ZIP of one message (IHE ITI-32, CI-SIS layout): INDEX.HTM, README.TXT and
 * IHE_XDM/SUBSET01 with METADATA.XML and the CDA documents, all for one patient.
 */
export function buildXdm(documents: readonly ProducedDocument[], usager: Usager, mistakes: Mistakes = {}): Buffer {
  const files: Record<string, [Uint8Array, { mtime: Date }]> = {
    ...(mistakes.xdmWithoutIndexFiles
      ? {}
      : {
          'INDEX.HTM': [strToU8(indexHtml(documents)), { mtime: MTIME }],
          'README.TXT': [strToU8(`Archive IHE_XDM produite par le DUI de référence dui-harness.\r\nÉmetteur : ${establishment.name}\r\n`), { mtime: MTIME }],
        }),
    'IHE_XDM/SUBSET01/METADATA.XML': [strToU8(metadataXml(documents, usager, mistakes)), { mtime: MTIME }],
  }
  documents.forEach((document, index) => {
    files[`IHE_XDM/SUBSET01/${fileName(index)}`] = [new Uint8Array(document.cda), { mtime: MTIME }]
  })
  return Buffer.from(zipSync(files, { level: 6 }))
}

function fileName(index: number): string {
  return `DOC${String(index + 1).padStart(4, '0')}.XML`
}

function indexHtml(documents: readonly ProducedDocument[]): string {
  const items = documents.map((d, i) => `<li><a href="IHE_XDM/SUBSET01/${fileName(i)}">${xml(d.title)}</a></li>`).join('')
  return `<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>IHE_XDM</title></head><body><ul>${items}</ul></body></html>\r\n`
}

/** The usager's INS when her identity is qualified: the only INS that may leave the DUI (INS/va1.53). */
export function qualifiedIns(usager: Usager): Usager['ins'] {
  return usager.status === 'QUAL' ? usager.ins : undefined
}

/**
 * The patient as METADATA.XML designates her (CX): by her INS when her identity is qualified
 * (CX.5 NH); otherwise by this establishment's own identifier, her IPP (CX.5 PI), which is
 * enough for a professional and keeps the unqualified INS inside the DUI.
 */
function patientCx(usager: Usager): string {
  const ins = qualifiedIns(usager)
  return ins ? `${ins.value}^^^&${ins.oid}&ISO^NH` : `${usager.localId}^^^&${INSTALLATION_OID}&ISO^PI`
}

function metadataXml(documents: readonly ProducedDocument[], usager: Usager, mistakes: Mistakes): string {
  const patientId = patientCx(usager)
  const now = documents[0]?.effectiveTime ?? new Date()
  const time = now.toISOString().replace(/[-:T]/g, '').slice(0, 14)
  const entries = documents.map((document, index) => {
    const id = `Document${String(index + 1).padStart(2, '0')}`
    const hashed = mistakes.xdmHashOfPdf ? document.pdf : document.cda
    return `    <rim:ExtrinsicObject id="${id}" mimeType="text/xml" objectType="urn:uuid:7edca82f-054d-47f2-a032-9b2a5b5186c1">
      ${slot('creationTime', time)}
      ${slot('hash', createHash('sha1').update(hashed).digest('hex'))}
      ${slot('size', String(hashed.length))}
      ${slot('languageCode', 'fr-FR')}
      ${slot('sourcePatientId', patientId)}
      ${slot('URI', fileName(index))}
      <rim:Name><rim:LocalizedString value="${xml(document.title)}"/></rim:Name>
      ${classification(id, 'urn:uuid:41a5887f-8865-4c09-adf7-e362475b143a', '11', '1.2.250.1.213.1.1.4.1', 'Synthèse')}
      ${classification(id, 'urn:uuid:f4f85eac-e6cb-4883-b524-f2705394840f', 'N', '2.16.840.1.113883.5.25', 'Normal')}
      ${classification(id, 'urn:uuid:a09d5840-386c-46f2-b5ad-9c3699a4309d', document.formatCode.code, document.formatCode.codingScheme, document.formatCode.displayName)}
      ${classification(id, 'urn:uuid:f33fb8ac-18af-42cc-ae0e-ed0b0bdb91e1', establishment.activitySector.code, OID.activitySector, establishment.activitySector.display)}
      ${classification(id, 'urn:uuid:cccf5598-8b07-4b77-a05e-ae952c785ead', establishment.practiceSetting.code, OID.practiceSetting, establishment.practiceSetting.display)}
      ${classification(id, 'urn:uuid:f0306f51-975f-434e-a61c-c59651d33983', document.typeCode.code, document.typeCode.codeSystem, document.typeCode.displayName)}
      <rim:ExternalIdentifier id="${id}-pid" registryObject="${id}" identificationScheme="urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427" value="${xml(patientId)}"><rim:Name><rim:LocalizedString value="XDSDocumentEntry.patientId"/></rim:Name></rim:ExternalIdentifier>
      <rim:ExternalIdentifier id="${id}-uid" registryObject="${id}" identificationScheme="urn:uuid:2e82c1f6-a085-4c72-9da3-8640a32e42ab" value="${document.id}"><rim:Name><rim:LocalizedString value="XDSDocumentEntry.uniqueId"/></rim:Name></rim:ExternalIdentifier>
    </rim:ExtrinsicObject>
    <rim:Association id="Assoc${index + 1}" associationType="urn:oasis:names:tc:ebxml-regrep:AssociationType:HasMember" sourceObject="SubmissionSet01" targetObject="${id}">
      ${slot('SubmissionSetStatus', 'Original')}
    </rim:Association>`
  })
  return `<?xml version="1.0" encoding="UTF-8"?>
<lcm:SubmitObjectsRequest xmlns:lcm="urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0" xmlns:rim="urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0">
  <rim:RegistryObjectList>
    <rim:RegistryPackage id="SubmissionSet01" objectType="urn:oasis:names:tc:ebxml-regrep:ObjectType:RegistryObject">
      ${slot('submissionTime', time)}
      <rim:Slot name="authorPerson"><rim:ValueList><rim:Value>${professional.idNat}^${professional.family}^${professional.given}^^^^^^&amp;${OID.psIdNat}&amp;ISO</rim:Value></rim:ValueList></rim:Slot>
      ${classification('SubmissionSet01', 'urn:uuid:aa543740-bdda-424e-8c96-df4873be8500', '28653-4', '2.16.840.1.113883.6.1', 'Document du secteur social / médico-social')}
      <rim:ExternalIdentifier id="SubmissionSet01-pid" registryObject="SubmissionSet01" identificationScheme="urn:uuid:6b5aea1a-874d-4603-a4bc-96a0a7b38446" value="${xml(patientId)}"><rim:Name><rim:LocalizedString value="XDSSubmissionSet.patientId"/></rim:Name></rim:ExternalIdentifier>
      <rim:ExternalIdentifier id="SubmissionSet01-src" registryObject="SubmissionSet01" identificationScheme="urn:uuid:554ac39e-e3fe-47fe-b233-965d2a147832" value="${OID.structureIdNat}.${establishment.idNat}"><rim:Name><rim:LocalizedString value="XDSSubmissionSet.sourceId"/></rim:Name></rim:ExternalIdentifier>
      <rim:ExternalIdentifier id="SubmissionSet01-uid" registryObject="SubmissionSet01" identificationScheme="urn:uuid:96fdda7c-d067-4183-912e-bf5ee74998a8" value="${newOid()}"><rim:Name><rim:LocalizedString value="XDSSubmissionSet.uniqueId"/></rim:Name></rim:ExternalIdentifier>
    </rim:RegistryPackage>
    <rim:Classification id="SubmissionSet01-class" classifiedObject="SubmissionSet01" classificationNode="urn:uuid:a54d6aa5-d40d-43f9-88c5-b4633d873bdd"/>
${entries.join('\n')}
  </rim:RegistryObjectList>
</lcm:SubmitObjectsRequest>
`
}

function slot(name: string, value: string): string {
  return `<rim:Slot name="${name}"><rim:ValueList><rim:Value>${xml(value)}</rim:Value></rim:ValueList></rim:Slot>`
}

let counter = 0
function classification(object: string, scheme: string, code: string, codingScheme: string, display: string): string {
  return `<rim:Classification id="cl${++counter}" classificationScheme="${scheme}" classifiedObject="${object}" nodeRepresentation="${xml(code)}">${slot('codingScheme', codingScheme)}<rim:Name><rim:LocalizedString value="${xml(display)}"/></rim:Name></rim:Classification>`
}
