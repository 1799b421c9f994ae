import { randomUUID } from 'node:crypto'
import { establishment, professional } from '../establishment.ts'
import { insCx, NS } from './namespaces.ts'
import { escapeXml } from '../xml-escape.ts'

export const LPS = { name: 'DUI-REFERENCE-DUI-HARNESS', version: '0.1.0' } as const

/**
 * The VIHF token (SAML 2.0 assertion, VIHF 3.0 attributes) that identifies the structure, the
 * professional and the patient for each DMP call. Real DUIs have it signed by the structure's
 * ORG_SIGN certificate; this test DUI sends it unsigned.
 */
export function vihfSecurityHeader(patient: { value: string; oid: string }): string {
  const attributes: [string, string][] = [
    ['VIHF_Version', '3.0'],
    ['Identifiant_Structure', establishment.idNat],
    ['Secteur_Activite', `${establishment.activitySector.code}^1.2.250.1.71.4.2.4`],
    ['urn:oasis:names:tc:xspa:1.0:subject:subject-id', professional.idNat],
    ['urn:oasis:names:tc:xacml:2.0:subject:role', `${professional.profession.code.replace('G15_', '')}^1.2.250.1.213.1.1.5.4`],
    ['urn:oasis:names:tc:xspa:1.0:subject:purposeofuse', 'normal'],
    ['Authentification_mode', 'INDIRECTE_RENFORCEE'],
    ['urn:oasis:names:tc:xacml:2.0:resource:resource-id', insCx(patient)],
    ['Ressource_URN', 'urn:dmp'],
    ['LPS_Nom', LPS.name],
    ['LPS_Version', LPS.version],
  ]
  const now = new Date().toISOString()
  return `<wsse:Security xmlns:wsse="${NS.wsse}"><saml2:Assertion xmlns:saml2="${NS.saml2}" ID="_${randomUUID()}" IssueInstant="${now}" Version="2.0"><saml2:Issuer Format="urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName">CN=${establishment.idNat},O=${escapeXml(establishment.name)}</saml2:Issuer><saml2:AttributeStatement>${attributes
    .map(([name, value]) => `<saml2:Attribute Name="${name}"><saml2:AttributeValue>${escapeXml(value)}</saml2:AttributeValue></saml2:Attribute>`)
    .join('')}</saml2:AttributeStatement></saml2:Assertion></wsse:Security>`
}
