import { XmlElement } from 'libxml2-wasm'
import { CDA_NAMESPACES } from './context.ts'
import { identifyMedicoSocialType, type MedicoSocialKind } from './document-types.ts'
import { findConcept, insOids, n1MediaTypes } from './value-sets.ts'

export interface InstanceIdentifier {
  readonly root?: string
  readonly extension?: string
}

export interface Coded {
  readonly code?: string
  readonly codeSystem?: string
  readonly displayName?: string
}

/**
 * Header facts other validators need (DMP metadata, MSSanté XDM, identity checks): read once,
 * without judging them. Absent values stay undefined.
 */
export interface CdaHeaderInfo {
  readonly documentId?: InstanceIdentifier
  readonly setId?: InstanceIdentifier
  readonly versionNumber?: number
  /** ClinicalDocument/code: the XDS typeCode. */
  readonly typeCode?: Coded
  readonly title?: string
  readonly effectiveTime?: string
  readonly confidentiality?: Coded
  readonly languageCode?: string
  readonly templateIds: readonly InstanceIdentifier[]
  /** structuredBody present (N2/N3) or nonXMLBody (N1). */
  readonly body: 'structured' | 'non-xml' | 'none'
  /** nonXMLBody/text/@mediaType for N1 documents. */
  readonly mediaType?: string
  /** XDS formatCode: mapped from the N1 mediaType (ASS_A12), or guessed from the volet. */
  readonly formatCode?: { readonly code: string; readonly certainty: 'mapped' | 'guess' }
  readonly medicoSocialType?: MedicoSocialKind
  readonly patient: PatientInfo
  /** relatedDocument: the replaced document for a RPLC. */
  readonly relatedDocument?: { readonly typeCode?: string; readonly parentId?: InstanceIdentifier; readonly parentSetId?: InstanceIdentifier }
  readonly authorInstitution?: InstanceIdentifier & { readonly name?: string }
  readonly custodian?: InstanceIdentifier & { readonly name?: string }
  readonly serviceEventCode?: Coded
  /** componentOf/encompassingEncounter/location/healthCareFacility/code (TRE_R02). */
  readonly healthcareFacilityType?: Coded
  /** author/assignedAuthor/representedOrganization/standardIndustryClassCode (TRE_A01). */
  readonly practiceSetting?: Coded
}

export interface PatientInfo {
  /** The INS, when patientRole/id carries one of the four INS OIDs. */
  readonly ins?: { readonly value?: string; readonly oid: string; readonly label: string }
  /** Every patientRole/id (INS and local identifiers such as the IPP). */
  readonly ids: readonly InstanceIdentifier[]
  readonly birthFamilyName?: string
  readonly firstBirthGivenName?: string
  /** Liste des prénoms de naissance (given without qualifier). */
  readonly birthGivenNames?: string
  readonly usedFamilyName?: string
  readonly usedGivenName?: string
  readonly birthTime?: string
  readonly administrativeGender?: string
  /** Code COG INSEE of the birthplace (birthplace/place/addr/county). */
  readonly birthplaceCode?: string
}

function one(root: XmlElement, xpath: string): XmlElement | undefined {
  const found = root.find(xpath, CDA_NAMESPACES)
  const node = found[0]
  return node instanceof XmlElement ? node : undefined
}

function a(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attr(name)?.value
}

function ii(element: XmlElement | undefined): InstanceIdentifier | undefined {
  if (!element) return undefined
  const root = a(element, 'root')
  const extension = a(element, 'extension')
  return { ...(root !== undefined ? { root } : {}), ...(extension !== undefined ? { extension } : {}) }
}

function coded(element: XmlElement | undefined): Coded | undefined {
  if (!element) return undefined
  const out: Record<string, string> = {}
  for (const name of ['code', 'codeSystem', 'displayName'] as const) {
    const value = a(element, name)
    if (value !== undefined) out[name] = value
  }
  return out
}

function text(element: XmlElement | undefined): string | undefined {
  const value = element?.content.trim()
  return value ? value : undefined
}

function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}

export function readHeader(root: XmlElement): CdaHeaderInfo {
  const templateIds = root
    .find('cda:templateId', CDA_NAMESPACES)
    .filter((n): n is XmlElement => n instanceof XmlElement)
    .map((n) => ii(n) as InstanceIdentifier)
  const body: CdaHeaderInfo['body'] = one(root, 'cda:component/cda:structuredBody')
    ? 'structured'
    : one(root, 'cda:component/cda:nonXMLBody')
      ? 'non-xml'
      : 'none'
  const mediaType = body === 'non-xml' ? a(one(root, 'cda:component/cda:nonXMLBody/cda:text'), 'mediaType') : undefined
  const typeCode = coded(one(root, 'cda:code'))
  const templateRoots = templateIds.map((t) => t.root ?? '')
  const identified = identifyMedicoSocialType(templateRoots, typeCode?.code, body === 'structured')
  const mapped = mediaType !== undefined ? findConcept(n1MediaTypes, mediaType) : undefined
  const formatCode = mapped
    ? { code: mapped.displayName, certainty: 'mapped' as const }
    : body === 'structured' && identified?.by === 'template'
      ? identified.type.formatCode
      : undefined
  const versionText = a(one(root, 'cda:versionNumber'), 'value')
  const versionNumber = versionText !== undefined && /^\d+$/.test(versionText) ? Number(versionText) : undefined
  const related = one(root, 'cda:relatedDocument')
  const organization = one(root, 'cda:author/cda:assignedAuthor/cda:representedOrganization')
  const custodian = one(root, 'cda:custodian/cda:assignedCustodian/cda:representedCustodianOrganization')
  return compact({
    documentId: ii(one(root, 'cda:id')),
    setId: ii(one(root, 'cda:setId')),
    versionNumber,
    typeCode,
    title: text(one(root, 'cda:title')),
    effectiveTime: a(one(root, 'cda:effectiveTime'), 'value'),
    confidentiality: coded(one(root, 'cda:confidentialityCode')),
    languageCode: a(one(root, 'cda:languageCode'), 'code'),
    templateIds,
    body,
    mediaType,
    formatCode,
    medicoSocialType: identified?.type.kind,
    patient: readPatient(root),
    relatedDocument: related
      ? compact({
          typeCode: a(related, 'typeCode'),
          parentId: ii(one(related, 'cda:parentDocument/cda:id')),
          parentSetId: ii(one(related, 'cda:parentDocument/cda:setId')),
        })
      : undefined,
    authorInstitution: organization ? compact({ ...ii(one(organization, 'cda:id')), name: text(one(organization, 'cda:name')) }) : undefined,
    custodian: custodian ? compact({ ...ii(one(custodian, 'cda:id')), name: text(one(custodian, 'cda:name')) }) : undefined,
    serviceEventCode: coded(one(root, 'cda:documentationOf/cda:serviceEvent/cda:code')),
    healthcareFacilityType: coded(one(root, 'cda:componentOf/cda:encompassingEncounter/cda:location/cda:healthCareFacility/cda:code')),
    practiceSetting: coded(organization ? one(organization, 'cda:standardIndustryClassCode') : undefined),
  })
}

function readPatient(root: XmlElement): PatientInfo {
  const role = one(root, 'cda:recordTarget/cda:patientRole')
  if (!role) return { ids: [] }
  const ids = role
    .find('cda:id', CDA_NAMESPACES)
    .filter((n): n is XmlElement => n instanceof XmlElement)
    .map((n) => ii(n) as InstanceIdentifier)
  const insId = ids.find((id) => findConcept(insOids, id.root) !== undefined)
  const patient = one(role, 'cda:patient')
  return compact({
    ins: insId ? compact({ value: insId.extension, oid: insId.root as string, label: findConcept(insOids, insId.root)?.displayName as string }) : undefined,
    ids,
    birthFamilyName: text(patient && one(patient, "cda:name/cda:family[@qualifier='BR']")),
    firstBirthGivenName: text(patient && one(patient, "cda:name/cda:given[@qualifier='BR']")),
    birthGivenNames: text(patient && one(patient, 'cda:name/cda:given[not(@qualifier)]')),
    usedFamilyName: text(patient && one(patient, "cda:name/cda:family[@qualifier='CL']")),
    usedGivenName: text(patient && one(patient, "cda:name/cda:given[@qualifier='CL']")),
    birthTime: a(patient && one(patient, 'cda:birthTime'), 'value'),
    administrativeGender: a(patient && one(patient, 'cda:administrativeGenderCode'), 'code'),
    birthplaceCode: text(patient && one(patient, 'cda:birthplace/cda:place/cda:addr/cda:county')),
  })
}
