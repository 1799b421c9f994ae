/** XML namespaces of SOAP 1.2, WS-*, SAML and ebRIM / XDS.b. */
export const NS = {
  soap: 'http://www.w3.org/2003/05/soap-envelope',
  wsa: 'http://www.w3.org/2005/08/addressing',
  wsse: 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd',
  saml2: 'urn:oasis:names:tc:SAML:2.0:assertion',
  rim: 'urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0',
  lcm: 'urn:oasis:names:tc:ebxml-regrep:xsd:lcm:3.0',
  query: 'urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0',
  xdsb: 'urn:ihe:iti:xds-b:2007',
  xop: 'http://www.w3.org/2004/08/xop/include',
} as const

/** `<INS>^^^&<OID>&ISO^NH`, the XDS patientId of an INS. */
export function insCx(ins: { value: string; oid: string }): string {
  return `${ins.value}^^^&${ins.oid}&ISO^NH`
}
