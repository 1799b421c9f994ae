import type { Mistakes } from '../defects/index.ts'
import { attendingPhysician, establishment, INSTALLATION_OID, OID } from '../establishment.ts'
import type { Usager } from '../usagers.ts'
import { escapeXml as xml } from '../xml-escape.ts'

/** The LOINC code system: most CI-SIS document, section and act codes. */
export const LOINC = '2.16.840.1.113883.6.1'

export interface Coded {
  readonly code: string
  readonly codeSystem: string
  readonly displayName: string
}

export interface TemplateId {
  readonly root: string
  readonly extension?: string
}

/** A professional of the establishment who writes and signs documents. */
export interface Signatory {
  /** Identifiant national PS (8 + RPPS). */
  readonly idNat: string
  readonly family: string
  readonly given: string
  /** Profession or specialty (TRE_G15). */
  readonly profession: { readonly code: string; readonly display: string }
}

/** What the CDA header of one document says, whatever its body. */
export interface ClinicalDocumentHeader {
  readonly id: string
  readonly setId: string
  readonly version: number
  /** The version this document replaces (relatedDocument RPLC). */
  readonly replaces?: { readonly id: string; readonly setId: string; readonly version: number }
  /** The model's templateIds, after those of HL7 France and the CI-SIS. */
  readonly templateIds: readonly TemplateId[]
  readonly typeCode: Coded
  readonly title: string
  /** When the document was produced. */
  readonly effectiveTime: Date
  readonly author: Signatory
  /** Names the usager's médecin traitant (participant INF, function PCP). */
  readonly withAttendingPhysician?: boolean
  /** The act the document reports (documentationOf/serviceEvent); `start: undefined` when its start is unknown. */
  readonly serviceEvent: { readonly code?: Coded; readonly start: Date | undefined; readonly end: Date }
}

const CONFIDENTIALITY = '<confidentialityCode code="N" displayName="Normal" codeSystem="2.16.840.1.113883.5.25"/>'
const LANGUAGE = '<languageCode code="fr-FR"/>'

/**
 * A CDA R2 document of the CI-SIS (structuration minimale): the header every document of this
 * DUI shares, around the given body (`<nonXMLBody>` or `<structuredBody>`). The INS goes into
 * the header only for a qualified identity (INS/va1.53); otherwise the local IPP alone.
 */
export function buildClinicalDocument(header: ClinicalDocumentHeader, usager: Usager, body: string, mistakes: Mistakes = {}): string {
  const at = cdaTime(header.effectiveTime)
  const insId = (usager.status === 'QUAL' || mistakes.cdaInsWhenKnown) && usager.ins ? `\n      <id root="${usager.ins.oid}" extension="${usager.ins.value}"/>` : ''
  const author = personName(header.author.given, header.author.family)
  const organization = `<id root="${OID.structureIdNat}" extension="${establishment.idNat}"/>
        <name>${xml(establishment.name)}</name>`
  const templates = header.templateIds.map((t) => `\n  <templateId root="${t.root}"${t.extension ? ` extension="${t.extension}"` : ''}/>`).join('')
  const event = header.serviceEvent
  return `<?xml version="1.0" encoding="UTF-8"?>${mistakes.cdaWithDoctype ? '\n<!DOCTYPE ClinicalDocument>' : ''}
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${mistakes.cdaWithoutRealm ? '' : '\n  <realmCode code="FR"/>'}
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="2.16.840.1.113883.2.8.2.1"/>
  <templateId root="1.2.250.1.213.1.1.1.1"/>${templates}
  <id root="${header.id}"/>
  ${coded('code', header.typeCode)}
  <title>${xml(header.title)}</title>
  <effectiveTime value="${at}"/>
  ${mistakes.cdaLanguageBeforeConfidentiality ? `${LANGUAGE}\n  ${CONFIDENTIALITY}` : `${CONFIDENTIALITY}\n  ${LANGUAGE}`}
  <setId root="${header.setId}"/>
  <versionNumber value="${header.version}"/>
  <recordTarget>
    <patientRole>${insId}
      <id root="${INSTALLATION_OID}" extension="${xml(usager.localId)}"/>
      <patient classCode="PSN">
        <name>
          <family qualifier="BR">${xml(usager.birthFamilyName)}</family>
          <given>${xml(usager.birthGivenNames)}</given>
          <given qualifier="BR">${xml(usager.firstBirthGivenName)}</given>
        </name>
        <administrativeGenderCode code="${usager.sex}" codeSystem="2.16.840.1.113883.5.1"/>
        <birthTime value="${usager.birthDate.replace(/-/g, '')}"/>
${
          mistakes.cdaWithoutBirthPlace
            ? ''
            : `        <birthplace>
          <place>
            <addr>
              <county>${xml(usager.birthPlaceCode)}</county>
            </addr>
          </place>
        </birthplace>`
        }
      </patient>
    </patientRole>
  </recordTarget>
  <author>
    <time value="${at}"/>
    <assignedAuthor>
      <id root="${OID.psIdNat}" extension="${header.author.idNat}"/>
      <code code="${header.author.profession.code}" displayName="${xml(header.author.profession.display)}" codeSystem="${OID.profession}"/>
      <assignedPerson>${author}</assignedPerson>
      <representedOrganization>
        ${organization}
      </representedOrganization>
    </assignedAuthor>
  </author>
  <custodian>
    <assignedCustodian>
      <representedCustodianOrganization>
        ${organization}
      </representedCustodianOrganization>
    </assignedCustodian>
  </custodian>
  <legalAuthenticator>
    <time value="${at}"/>
    <signatureCode code="S"/>
    <assignedEntity>
      <id root="${OID.psIdNat}" extension="${header.author.idNat}"/>
      <assignedPerson>${author}</assignedPerson>
    </assignedEntity>
  </legalAuthenticator>${header.withAttendingPhysician ? attendingPhysicianParticipant(at) : ''}
  <documentationOf>
    <serviceEvent>${event.code ? `\n      ${coded('code', event.code)}` : ''}
      <effectiveTime>
        <low ${event.start ? `value="${cdaTime(event.start)}"` : 'nullFlavor="UNK"'}/>
        <high value="${cdaTime(event.end)}"/>
      </effectiveTime>
      <performer typeCode="PRF">
        <assignedEntity>
          <id root="${OID.psIdNat}" extension="${header.author.idNat}"/>
          <assignedPerson>${author}</assignedPerson>
          <representedOrganization>
            ${organization}
            <standardIndustryClassCode code="${establishment.practiceSetting.code}" displayName="${xml(establishment.practiceSetting.display)}" codeSystem="${OID.practiceSetting}"/>
          </representedOrganization>
        </assignedEntity>
      </performer>
    </serviceEvent>
  </documentationOf>${header.replaces ? `
  <relatedDocument typeCode="RPLC">
    <parentDocument>
      <id root="${header.replaces.id}"/>
      <setId root="${header.replaces.setId}"/>
      <versionNumber value="${header.replaces.version}"/>
    </parentDocument>
  </relatedDocument>` : ''}
  <componentOf>
    <encompassingEncounter>
      <effectiveTime>
        <low value="${at}"/>
      </effectiveTime>
      <location>
        <healthCareFacility>
          <code code="${establishment.activitySector.code}" displayName="${xml(establishment.activitySector.display)}" codeSystem="${OID.activitySector}"/>
        </healthCareFacility>
      </location>
    </encompassingEncounter>
  </componentOf>
  <component>
    ${body}
  </component>
</ClinicalDocument>
`
}

/** The usager's médecin traitant, as the DLU and the VSM must name him (participant INF, PCP). */
function attendingPhysicianParticipant(at: string): string {
  const doctor = attendingPhysician
  return `
  <participant typeCode="INF">
    <functionCode code="PCP" displayName="Médecin Traitant" codeSystem="2.16.840.1.113883.5.88"/>
    <time xsi:type="IVL_TS">
      <low value="${at}"/>
    </time>
    <associatedEntity classCode="PROV">
      <id root="${OID.psIdNat}" extension="${doctor.idNat}"/>
      ${address(doctor.address)}
      <telecom value="tel:${doctor.phone}" use="WP"/>
      <associatedPerson>${personName(doctor.given, doctor.family)}</associatedPerson>
    </associatedEntity>
  </participant>`
}

export interface PostalAddress {
  readonly houseNumber: string
  readonly streetName: string
  readonly postalCode: string
  readonly city: string
}

export function address(a: PostalAddress): string {
  return `<addr><houseNumber>${xml(a.houseNumber)}</houseNumber><streetName>${xml(a.streetName)}</streetName><postalCode>${xml(a.postalCode)}</postalCode><city>${xml(a.city)}</city></addr>`
}

/** A coded element (`code`, `value`…) with its display name; `LOINC` gets its codeSystemName. */
export function coded(element: string, value: Coded, extra = ''): string {
  const name = value.codeSystem === LOINC ? ' codeSystemName="LOINC"' : ''
  return `<${element}${extra} code="${xml(value.code)}" displayName="${xml(value.displayName)}" codeSystem="${xml(value.codeSystem)}"${name}/>`
}

function personName(given: string, family: string): string {
  return `<name><given>${xml(given)}</given><family>${xml(family)}</family></name>`
}

/** CDA TS with seconds and UTC offset, e.g. 20261122101500+0000. */
export function cdaTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`
}
