import type { XmlElement } from 'libxml2-wasm'
import type { Issue } from '../../core/issue.ts'
import { NS } from './ebrim-constants.ts'

const RULE = 'xds/vihf'
export const VIHF_REQUIREMENT = 'DMP-009'

/** VIHF attributes (VIHF 3.0, brief §4.4, from the ANS generate-VIHF constants) the DMP relies on. */
export const VIHF_ATTRIBUTES = [
  'VIHF_Version',
  'Identifiant_Structure',
  'Secteur_Activite',
  'urn:oasis:names:tc:xspa:1.0:subject:subject-id',
  'urn:oasis:names:tc:xacml:2.0:subject:role',
  'urn:oasis:names:tc:xspa:1.0:subject:purposeofuse',
  'Authentification_mode',
  'urn:oasis:names:tc:xacml:2.0:resource:resource-id',
  'Ressource_URN',
  'LPS_Nom',
  'LPS_Version',
] as const

export interface VihfInfo {
  readonly attributes: ReadonlyMap<string, string>
  readonly issues: readonly Issue[]
}

/**
 * Checks the VIHF token in the WS-Security header: present, with the attributes the DMP needs,
 * and naming the same patient (resource-id) as the request. Not a cryptographic check.
 */
export function checkVihf(header: XmlElement | undefined, patientInsValue: string | undefined): VihfInfo {
  const issues: Issue[] = []
  const report = (message: string, path: string, code: Issue['code'] = 'required') => issues.push({ severity: 'error', code, rule: RULE, requirement: VIHF_REQUIREMENT, message, location: { path } })
  const assertion = header?.get('wsse:Security/saml2:Assertion', { wsse: NS.wsse, saml2: NS.saml2 }) as XmlElement | null | undefined
  const attributes = new Map<string, string>()
  if (!assertion) {
    report('jeton VIHF absent : l\'en-tête WS-Security (wsse:Security) doit porter une assertion SAML 2.0 (saml2:Assertion)', 'soap:Header/wsse:Security')
    return { attributes, issues }
  }
  for (const attribute of assertion.find('saml2:AttributeStatement/saml2:Attribute', { saml2: NS.saml2 }) as XmlElement[]) {
    const name = attribute.attr('Name')?.value
    const value = attribute.get('saml2:AttributeValue', { saml2: NS.saml2 })?.content.trim()
    if (name && value) attributes.set(name, value)
  }
  const path = 'soap:Header/wsse:Security/saml2:Assertion/saml2:AttributeStatement'
  const missing = VIHF_ATTRIBUTES.filter((name) => !attributes.has(name))
  if (missing.length > 0) report(`attributs VIHF absents ou vides : ${missing.join(', ')}`, path)
  const resource = attributes.get('urn:oasis:names:tc:xacml:2.0:resource:resource-id')
  if (resource && patientInsValue && !resource.startsWith(patientInsValue)) {
    report(`le VIHF désigne le patient « ${resource} », la requête porte sur l'INS ${patientInsValue}`, `${path}/saml2:Attribute[@Name='urn:oasis:names:tc:xacml:2.0:resource:resource-id']`, 'invariant')
  }
  return { attributes, issues }
}
