import { createHash, randomUUID } from 'node:crypto'
import type { Mistakes } from './defects/index.ts'
import type { ProducedDocument } from './documents.ts'
import { establishment, OID } from './establishment.ts'
import { newOid } from './unique-id.ts'
import type { Usager } from './usagers.ts'

const PDSM = 'https://interop.esante.gouv.fr/ig/fhir/pdsm/StructureDefinition'
/** FHIR systems of the code systems document types come from (LOINC, TRE_A05). */
const TYPE_CODE_SYSTEMS: Record<string, string> = {
  '2.16.840.1.113883.6.1': 'http://loinc.org',
  '1.2.250.1.213.1.1.4.12': 'https://mos.esante.gouv.fr/NOS/TRE_A05-TypeDocComplementaire/FHIR/TRE-A05-TypeDocComplementaire',
}
const fhirSystem = (oid: string): string => TYPE_CODE_SYSTEMS[oid] ?? `urn:oid:${oid}`
const CLASS_CODES = 'https://mos.esante.gouv.fr/NOS/TRE_A03-ClasseDocument/FHIR/TRE-A03-ClasseDocument'

/**
 * The PDSm comprehensive ITI-65 bundle sharing one document: SubmissionSet List, the
 * DocumentReference and the CDA as a Binary. The patient is designated by INS, which requires a
 * qualified identity.
 */
export function buildProvideBundle(document: ProducedDocument, usager: Usager, mistakes: Mistakes = {}, replaced?: ProducedDocument): fhir4.Bundle {
  if ((usager.status !== 'QUAL' && !mistakes.insWithoutQualification) || !usager.ins) throw new Error(`l'identité de l'usager ${usager.localId} n'est pas qualifiée : son INS ne peut pas être transmis au DMP`)
  const patient = `Patient?identifier=urn:oid:${mistakes.patientIdentifierOid ?? usager.ins.oid}|${usager.ins.value}`
  const [listUrl, docUrl, binaryUrl] = [randomUUID(), randomUUID(), randomUUID()].map((id) => `urn:uuid:${id}`) as [string, string, string]
  const hashed = mistakes.hashEmbeddedPdf ? document.pdf : document.cda
  const created = document.effectiveTime.toISOString()
  const author: fhir4.Practitioner = {
    resourceType: 'Practitioner',
    id: 'author',
    identifier: [{ system: `urn:oid:${OID.psIdNat}`, value: document.author.idNat }],
    name: [{ family: document.author.family, given: [document.author.given] }],
  }
  const list: fhir4.List = {
    resourceType: 'List',
    meta: { profile: [`${PDSM}/pdsm-submissionset-comprehensive`] },
    contained: [author],
    extension: [{ url: 'https://profiles.ihe.net/ITI/MHD/StructureDefinition/ihe-sourceId', valueIdentifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${newOid()}` } }],
    identifier: [{ use: 'official', system: 'urn:ietf:rfc:3986', value: `urn:oid:${newOid()}` }],
    status: 'current',
    mode: 'working',
    code: { coding: [{ system: 'https://profiles.ihe.net/ITI/MHD/CodeSystem/MHDlistTypes', code: 'submissionset' }] },
    subject: { reference: patient },
    date: created,
    source: { reference: '#author' },
    entry: [{ item: { reference: docUrl } }],
  }
  const documentReference: fhir4.DocumentReference = {
    resourceType: 'DocumentReference',
    meta: { profile: [`${PDSM}/pdsm-comprehensive-document-reference`] },
    contained: [author],
    masterIdentifier: { system: 'urn:ietf:rfc:3986', value: mistakes.localDocumentUniqueId ? document.localId : `urn:oid:${document.id}` },
    status: 'current',
    ...(replaced && !mistakes.replaceWithoutRelation ? { relatesTo: [{ code: 'replaces' as const, target: { identifier: { system: 'urn:ietf:rfc:3986', value: `urn:oid:${replaced.id}` } } }] } : {}),
    type: { coding: [{ system: fhirSystem(document.typeCode.codeSystem), code: mistakes.metadataTypeCode ?? document.typeCode.code, display: document.typeCode.displayName }] },
    category: [{ coding: [{ system: CLASS_CODES, code: '11', display: 'Synthèse' }] }],
    subject: { reference: patient },
    date: created,
    author: [{ reference: '#author' }],
    custodian: { identifier: { system: `urn:oid:${OID.structureIdNat}`, value: establishment.idNat }, display: establishment.name },
    securityLabel: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'N', display: 'normal' }] }],
    content: [
      {
        attachment: {
          contentType: 'text/xml',
          language: 'fr-FR',
          url: binaryUrl,
          size: hashed.length,
          hash: createHash('sha1').update(hashed).digest('base64'),
          title: document.title,
          creation: created,
        },
        format: { system: document.formatCode.system, code: document.formatCode.code, display: document.formatCode.displayName },
      },
    ],
    context: {
      period: { start: created },
      facilityType: { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_R02-SecteurActivite/FHIR/TRE-R02-SecteurActivite', code: mistakes.facilityTypeCode ?? establishment.activitySector.code, display: establishment.activitySector.display }] },
      practiceSetting: { coding: [{ system: 'https://mos.esante.gouv.fr/NOS/TRE_A01-CadreExercice/FHIR/TRE-A01-CadreExercice', code: establishment.practiceSetting.code, display: establishment.practiceSetting.display }] },
    },
  }
  const binary: fhir4.Binary = { resourceType: 'Binary', contentType: 'text/xml', data: document.cda.toString('base64') }
  return {
    resourceType: 'Bundle',
    meta: { profile: [`${PDSM}/pdsm-comprehensive-provide-document-bundle`] },
    type: (mistakes.bundleType ?? 'transaction') as fhir4.Bundle['type'],
    entry: [
      { fullUrl: listUrl, resource: list, request: { method: 'POST', url: 'List' } },
      { fullUrl: docUrl, resource: documentReference, request: { method: 'POST', url: 'DocumentReference' } },
      { fullUrl: binaryUrl, resource: binary, request: { method: 'POST', url: 'Binary' } },
    ],
  }
}
