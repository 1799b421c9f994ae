import { establishment, OID, professional } from './establishment.ts'
import type { Mistakes } from './defects/index.ts'
import type { Usager } from './usagers.ts'
import { escapeXml as xml } from './xml-escape.ts'

/** Root OID of this installation's local identifiers (IPP): a fixed 2.25 UUID-based OID. */
export const INSTALLATION_OID = '2.25.299792458314159265358979323846264338327'

export interface N1Document {
  readonly id: string
  readonly setId: string
  readonly version: number
  readonly title: string
  readonly typeCode: { readonly code: string; readonly codeSystem: string; readonly displayName: string }
  /** When the document was produced. */
  readonly effectiveTime: Date
  readonly pdf: Buffer
  /** The version this document replaces (CDA relatedDocument RPLC). */
  readonly replaces?: { readonly id: string; readonly setId: string; readonly version: number }
}

/**
 * A CDA R2 level-1 document (CI-SIS structuration minimale, IHE XDS-SD): the header with the
 * three templateIds of an N1 document and the PDF as a B64 nonXMLBody. The INS goes into the
 * header only for a qualified identity (INS/va1.53); otherwise the local IPP alone.
 */
export function buildCdaN1(document: N1Document, usager: Usager, mistakes: Mistakes = {}): string {
  const at = cdaTime(document.effectiveTime)
  const insId = usager.status === 'QUAL' && usager.ins ? `\n      <id root="${usager.ins.oid}" extension="${usager.ins.value}"/>` : ''
  const author = personName(professional.given, professional.family)
  const organization = `<id root="${OID.structureIdNat}" extension="${establishment.idNat}"/>
        <name>${xml(establishment.name)}</name>`
  return `<?xml version="1.0" encoding="UTF-8"?>${mistakes.cdaWithDoctype ? '\n<!DOCTYPE ClinicalDocument>' : ''}
<ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${mistakes.cdaWithoutRealm ? '' : '\n  <realmCode code="FR"/>'}
  <typeId root="2.16.840.1.113883.1.3" extension="POCD_HD000040"/>
  <templateId root="2.16.840.1.113883.2.8.2.1"/>
  <templateId root="1.2.250.1.213.1.1.1.1"/>
  <templateId root="1.3.6.1.4.1.19376.1.2.20"/>
  <id root="${document.id}"/>
  <code code="${xml(document.typeCode.code)}" codeSystem="${xml(document.typeCode.codeSystem)}" displayName="${xml(document.typeCode.displayName)}"/>
  <title>${xml(document.title)}</title>
  <effectiveTime value="${at}"/>
  <confidentialityCode code="N" displayName="Normal" codeSystem="2.16.840.1.113883.5.25"/>
  <languageCode code="fr-FR"/>
  <setId root="${document.setId}"/>
  <versionNumber value="${document.version}"/>
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
      <id root="${OID.psIdNat}" extension="${professional.idNat}"/>
      <code code="${professional.profession.code}" displayName="${professional.profession.display}" codeSystem="${OID.profession}"/>
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
      <id root="${OID.psIdNat}" extension="${professional.idNat}"/>
      <assignedPerson>${author}</assignedPerson>
    </assignedEntity>
  </legalAuthenticator>
  <documentationOf>
    <serviceEvent>
      <effectiveTime>
        <low value="${at}"/>
        <high value="${at}"/>
      </effectiveTime>
      <performer typeCode="PRF">
        <assignedEntity>
          <id root="${OID.psIdNat}" extension="${professional.idNat}"/>
          <assignedPerson>${author}</assignedPerson>
          <representedOrganization>
            ${organization}
            <standardIndustryClassCode code="${establishment.practiceSetting.code}" displayName="${xml(establishment.practiceSetting.display)}" codeSystem="${OID.practiceSetting}"/>
          </representedOrganization>
        </assignedEntity>
      </performer>
    </serviceEvent>
  </documentationOf>${document.replaces ? `
  <relatedDocument typeCode="RPLC">
    <parentDocument>
      <id root="${document.replaces.id}"/>
      <setId root="${document.replaces.setId}"/>
      <versionNumber value="${document.replaces.version}"/>
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
    <nonXMLBody>
      <text mediaType="application/pdf"${mistakes.cdaBodyWithoutRepresentation ? '' : ' representation="B64"'}>${document.pdf.toString('base64')}</text>
    </nonXMLBody>
  </component>
</ClinicalDocument>
`
}

function personName(given: string, family: string): string {
  return `<name><given>${xml(given)}</given><family>${xml(family)}</family></name>`
}

/** CDA TS with seconds and UTC offset, e.g. 20261122101500+0000. */
function cdaTime(date: Date): string {
  return `${date.toISOString().replace(/[-:T]/g, '').slice(0, 14)}+0000`
}
