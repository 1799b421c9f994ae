import type { Expected, Family, HostileCase, HttpInput, HttpTarget } from './case.ts'
import { JSON_ATTACKS } from './json-attacks.ts'
import { MTOM_ATTACKS, mtom } from './mtom-attacks.ts'
import { insiEnvelope, iti18Envelope, iti41EnvelopeFor, iti43Envelope, iti57Envelope, provideBundleWith, SOAP_XML, validCda, validPatch } from './requests.ts'
import { XML_ATTACKS } from './xml-attacks.ts'

/** Where the player finds the stored document a JSON Patch targets (replaced at play time). */
export const DOCUMENT_PLACEHOLDER = '{document}'

const PSC = {
  token: '/protocol/openid-connect/token',
  authorize: '/protocol/openid-connect/auth',
  userinfo: '/protocol/openid-connect/userinfo',
} as const

const FHIR_JSON = 'application/fhir+json'
const HUNDRED_MB = 100 * 1024 * 1024

function httpCase(family: Family, target: HttpTarget, variant: string, input: Omit<HttpInput, 'transport' | 'target'>, expected: Expected): HostileCase {
  return { id: `${family}/${target}/${variant}`, family, target, input: { transport: 'http', target, ...input }, expected }
}

const post = (path: string, contentType: string | undefined, body: Buffer | string): Omit<HttpInput, 'transport' | 'target'> => ({
  method: 'POST',
  path,
  ...(contentType ? { headers: [['Content-Type', contentType]] as const } : {}),
  body: Buffer.isBuffer(body) ? body : Buffer.from(body),
})

/** XML attacks on every XML endpoint: the SOAP envelopes, and the CDA carried by ITI-41 and ITI-65. */
function xmlCases(): HostileCase[] {
  const cda = validCda()
  const cdaText = cda.toString('utf8')
  const iti41 = iti41EnvelopeFor(cda).toString('utf8')
  return XML_ATTACKS.flatMap((attack) => {
    const spoiledCda = attack.spoil(cdaText)
    const soapRefusal = { status: 400, rule: attack.rule, requirement: 'DMP-008', reason: attack.reason } as const
    return [
      httpCase(attack.family, 'dmp.xds', `iti41-envelope-${attack.variant}`, post('', mtom(attack.spoil(iti41), cda).contentType, mtom(attack.spoil(iti41), cda).body), soapRefusal),
      httpCase(attack.family, 'dmp.xds', `iti18-${attack.variant}`, post('', SOAP_XML, attack.spoil(iti18Envelope())), soapRefusal),
      httpCase(attack.family, 'dmp.xds', `iti41-document-${attack.variant}`, post('', mtom(iti41EnvelopeFor(spoiledCda), spoiledCda).contentType, mtom(iti41EnvelopeFor(spoiledCda), spoiledCda).body), {
        status: 200,
        rule: attack.rule,
        requirement: 'DOC-003',
        reason: attack.reason,
      }),
      httpCase(attack.family, 'dmp.fhir', `iti65-document-${attack.variant}`, post('', FHIR_JSON, provideBundleWith(spoiledCda)), { status: 400, rule: attack.rule, requirement: 'DOC-003', reason: attack.reason }),
      httpCase(attack.family, 'insi', `search-${attack.variant}`, post('', SOAP_XML, attack.spoil(insiEnvelope())), { status: 400, reason: attack.insiReason }),
      // One variant per family for the other XDS.b transactions: the same reader refuses them first.
      ...(FIRST_OF_FAMILY.has(attack.variant)
        ? [httpCase(attack.family, 'dmp.xds', `iti43-${attack.variant}`, post('', SOAP_XML, attack.spoil(iti43Envelope())), soapRefusal), httpCase(attack.family, 'dmp.xds', `iti57-${attack.variant}`, post('', SOAP_XML, attack.spoil(iti57Envelope())), soapRefusal)]
        : []),
    ]
  })
}

const FIRST_OF_FAMILY = new Set(['xxe-file', 'billion-laughs', 'depth-20000', 'utf8-invalid-byte', 'truncated'])

/** JSON attacks on ITI-65 and on the JSON Patch of a stored DocumentReference. */
function jsonCases(): HostileCase[] {
  const bundle = provideBundleWith(validCda())
  const patch = validPatch()
  return JSON_ATTACKS.flatMap((attack) => [
    httpCase(attack.family, 'dmp.fhir', `iti65-${attack.variant}`, post('', FHIR_JSON, attack.spoil(bundle)), { status: 400, rule: attack.rule, requirement: 'DMP-001', reason: attack.reason }),
    ...(attack.patchReason
      ? [httpCase(attack.family, 'dmp.fhir', `patch-${attack.variant}`, { method: 'PATCH', path: `/DocumentReference/${DOCUMENT_PLACEHOLDER}`, headers: [['Content-Type', 'application/json-patch+json']], body: attack.spoil(patch) }, { status: 400, reason: attack.patchReason })]
      : []),
  ])
}

/** JSON Patch operations the DMP cannot apply: each must be refused with its reason, not a crash. */
function patchCases(): HostileCase[] {
  const operations: readonly [string, unknown][] = [
    ['operation-without-path', [{ op: 'replace' }]],
    ['null-operation', [null]],
    ['path-not-a-string', [{ op: 'replace', path: 42, value: 'current' }]],
  ]
  return operations.map(([variant, body]) =>
    httpCase('invalid-json', 'dmp.fhir', `patch-${variant}`, { method: 'PATCH', path: `/DocumentReference/${DOCUMENT_PLACEHOLDER}`, headers: [['Content-Type', 'application/json-patch+json']], body: Buffer.from(JSON.stringify(body)) }, { status: 400, reason: /opération JSON Patch invalide/ }),
  )
}

function mtomCases(): HostileCase[] {
  const cda = validCda()
  const envelope = iti41EnvelopeFor(cda)
  return MTOM_ATTACKS.map((attack) => {
    const request = attack.build(envelope, cda)
    return httpCase(attack.family, 'dmp.xds', `iti41-${attack.variant}`, post('', request.contentType, request.body), { status: attack.status, rule: attack.rule, requirement: attack.requirement, reason: attack.reason })
  })
}

/** 100 MB streamed to every HTTP simulator, and bodies just over each small limit. */
function hugeBodyCases(): HostileCase[] {
  const tooLarge = (limit: number) => ({ status: 413, reason: new RegExp(`corps de requête trop volumineux : \\d+ octets reçus, limite du simulateur ${limit} octets`), truncated: true }) as const
  const stream = (text: string) => ({ chunk: Buffer.from(text.repeat(Math.ceil(65_536 / text.length)).slice(0, 65_536)), bytes: HUNDRED_MB })
  return [
    httpCase('huge-body', 'dmp.fhir', 'iti65-100MB', { method: 'POST', path: '', headers: [['Content-Type', FHIR_JSON]], body: stream('{"resourceType":"Bundle",') }, tooLarge(64 * 1024 * 1024)),
    httpCase('huge-body', 'dmp.xds', 'iti41-100MB', { method: 'POST', path: '', headers: [['Content-Type', mtom(Buffer.alloc(0), Buffer.alloc(0)).contentType]], body: stream('<rim:Slot>') }, tooLarge(64 * 1024 * 1024)),
    httpCase('huge-body', 'insi', 'search-100MB', { method: 'POST', path: '', headers: [['Content-Type', SOAP_XML]], body: stream('<soap:Envelope>') }, tooLarge(256 * 1024)),
    httpCase('huge-body', 'psc', 'token-100MB', { method: 'POST', path: PSC.token, headers: [['Content-Type', 'application/x-www-form-urlencoded']], body: stream('code=abc&') }, tooLarge(64 * 1024)),
    httpCase('huge-body', 'annuaire', 'search-100MB', { method: 'POST', path: '/Practitioner', headers: [['Content-Type', FHIR_JSON]], body: stream('{"a":') }, tooLarge(64 * 1024)),
    httpCase('huge-body', 'insi', 'search-just-over-limit', post('', SOAP_XML, Buffer.alloc(256 * 1024 + 1, 0x20)), tooLarge(256 * 1024)),
    httpCase('huge-body', 'psc', 'token-just-over-limit', post(PSC.token, 'application/x-www-form-urlencoded', `code_verifier=${'a'.repeat(64 * 1024)}`), tooLarge(64 * 1024)),
    httpCase('huge-body', 'annuaire', 'get-with-body-over-limit', { method: 'GET', path: '/Practitioner?name=DUPONT', body: Buffer.alloc(64 * 1024 + 1, 0x41) }, tooLarge(64 * 1024)),
  ]
}

const TARGET_PATHS: Record<HttpTarget, string> = { 'dmp.fhir': '/Patient', 'dmp.xds': '', insi: '', psc: PSC.token, annuaire: '/Practitioner' }
const MALFORMED = /requête HTTP mal formée/
const TARGETS: readonly HttpTarget[] = ['dmp.fhir', 'dmp.xds', 'insi', 'psc', 'annuaire']

/**
 * Requests Node's HTTP parser refuses (bad framing, injected line breaks, smuggling, oversized
 * heads): every simulator must answer 400/431 with a French reason and record the raw bytes.
 */
function brokenHttpCases(): HostileCase[] {
  const variants: readonly [Family, string, (path: string) => Omit<HttpInput, 'transport' | 'target'>, Expected][] = [
    ['header-injection', 'bare-cr-in-header', (p) => ({ method: 'POST', path: p, headers: [['X-Trace', 'a\rSet-Cookie: injecte=1']], body: Buffer.from('x') }), { status: 400, reason: MALFORMED }],
    ['header-injection', 'bare-lf-in-header', (p) => ({ method: 'POST', path: p, headers: [['X-Trace', 'a\nSet-Cookie: injecte=1']], body: Buffer.from('x') }), { status: 400, reason: MALFORMED }],
    ['header-injection', 'header-name-with-space', (p) => ({ method: 'POST', path: p, headers: [['X Injecte', 'oui']], body: Buffer.from('x') }), { status: 400, reason: MALFORMED }],
    ['broken-http', 'content-length-and-chunked', (p) => ({ method: 'POST', path: p, headers: [['Content-Length', '5'], ['Transfer-Encoding', 'chunked']], contentLength: false, body: Buffer.from('0\r\n\r\nGET /smuggled HTTP/1.1\r\n\r\n') }), { status: 400, reason: MALFORMED }],
    ['broken-http', 'two-content-lengths', (p) => ({ method: 'POST', path: p, headers: [['Content-Length', '1'], ['Content-Length', '2']], contentLength: false, body: Buffer.from('xx') }), { status: 400, reason: MALFORMED }],
    ['broken-http', 'bad-chunk-size', (p) => ({ method: 'POST', path: p, headers: [['Transfer-Encoding', 'chunked']], contentLength: false, body: Buffer.from('zz\r\nabc\r\n0\r\n\r\n') }), { status: 400, reason: MALFORMED }],
    ['broken-http', 'url-over-16KB', (p) => ({ method: 'GET', path: `${p}?q=${'a'.repeat(20_000)}` }), { status: 431, reason: /en-têtes de requête trop volumineux/ }],
    ['broken-http', 'header-flood', (p) => ({ method: 'GET', path: p, headers: Array.from({ length: 1_000 }, (_, i) => [`X-Remplissage-${i}`, 'v'.repeat(40)] as const) }), { status: 431, reason: /en-têtes de requête trop volumineux/ }],
    ['broken-http', 'garbage-request-line', () => ({ method: '\u0016\u0003\u0001\u0002', path: '\u0000\u0001', headers: [] }), { status: 400, reason: MALFORMED }],
  ]
  return TARGETS.flatMap((target) => variants.map(([family, variant, input, expected]) => httpCase(family, target, variant, input(TARGET_PATHS[target]), expected)))
}

/** Requests that end before their announced body, or with a path that cannot be decoded. */
function truncatedAndUndecodableCases(): HostileCase[] {
  const unhandled: Record<HttpTarget, Expected> = {
    'dmp.fhir': { status: 404, reason: /aucun service simulé ne répond à GET/ },
    'dmp.xds': { status: 404, reason: /aucun service simulé ne répond à GET/ },
    insi: { status: 405, reason: /le téléservice INSi n'accepte que POST/ },
    psc: { status: 404, reason: /aucun service simulé ne répond à GET/ },
    annuaire: { status: 404, reason: /aucun service simulé ne répond à GET/ },
  }
  return TARGETS.flatMap((target) => [
    httpCase('broken-http', target, 'malformed-percent-encoding', { method: 'GET', path: `${TARGET_PATHS[target]}/%E9%ZZ` }, unhandled[target]),
    httpCase('broken-http', target, 'absolute-url-with-bad-host', { method: 'GET', path: '', rawTarget: 'http://[mauvais-hote/fhir/Practitioner' }, { status: 400, reason: /cible de requête illisible : « http:\/\/\[mauvais-hote\/fhir\/Practitioner » n'est pas une URL valide/ }),
    httpCase('broken-http', target, 'body-shorter-than-announced', { method: 'POST', path: TARGET_PATHS[target], headers: [['Content-Length', '100000']], contentLength: false, closeAfterBody: true, body: Buffer.from('{"resourceType":"Bundle"') }, { status: 400, reason: /corps incomplet : \d+ octets reçus sur 100000 annoncés/ }),
  ])
}

/** Bodies of the wrong kind for the endpoint. */
function wrongContentTypeCases(): HostileCase[] {
  const soap11 = '<?xml version="1.0"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body/></soap:Envelope>'
  const transport = (reason: RegExp) => ({ status: 400, rule: 'xds/soap-transport', requirement: 'DMP-008', reason }) as const
  return [
    httpCase('wrong-content-type', 'dmp.xds', 'json-body', post('', 'application/json', '{"resourceType":"Bundle"}'), transport(/type de contenu « application\/json »/)),
    httpCase('wrong-content-type', 'dmp.xds', 'soap11-text-xml', post('', 'text/xml; charset=utf-8', soap11), transport(/type de contenu « text\/xml »/)),
    httpCase('wrong-content-type', 'dmp.xds', 'no-content-type', post('', undefined, iti18Envelope()), transport(/type de contenu « \(absent\) »/)),
    httpCase('wrong-content-type', 'dmp.xds', 'form-data', post('', 'multipart/form-data; boundary=x', '--x\r\n\r\nabc\r\n--x--'), transport(/type de contenu « multipart\/form-data »/)),
    httpCase('wrong-content-type', 'dmp.xds', 'soap11-envelope-as-soap12', post('', SOAP_XML, soap11), transport(/c'est une enveloppe SOAP 1\.1/)),
    httpCase('wrong-content-type', 'insi', 'json-body', post('', 'application/json', '{"NomNaissance":"ADRTROIS"}'), { status: 400, reason: /XML mal formé|aucun élément XML/ }),
    httpCase('wrong-content-type', 'insi', 'soap11-envelope', post('', 'text/xml', soap11), { status: 400, reason: /enveloppe SOAP 1\.1 : le téléservice INSi attend SOAP 1\.2/ }),
    httpCase('wrong-content-type', 'insi', 'get-instead-of-post', { method: 'GET', path: '?wsdl' }, { status: 405, reason: /n'accepte que POST/ }),
    httpCase('wrong-content-type', 'psc', 'token-as-json', post(PSC.token, 'application/json', '{"grant_type":"authorization_code","code":"x"}'), { status: 400, rule: 'psc/token-request', requirement: 'PSC-001', reason: /application\/x-www-form-urlencoded est attendu/ }),
    httpCase('wrong-content-type', 'annuaire', 'post-search', post('/Practitioner', FHIR_JSON, '{"resourceType":"Parameters"}'), { status: 404, reason: /aucun service simulé ne répond à POST \/Practitioner/ }),
    httpCase('wrong-content-type', 'dmp.fhir', 'iti65-put', { method: 'PUT', path: '', headers: [['Content-Type', FHIR_JSON]], body: Buffer.from(provideBundleWith(validCda())) }, { status: 404, reason: /aucun service simulé ne répond à PUT/ }),
  ]
}

/** Line breaks and markup smuggled inside values the simulators read (queries, SOAP headers, OIDC parameters). */
function injectedValueCases(): HostileCase[] {
  const crlf = '%0D%0ASet-Cookie:%20injecte=1'
  return [
    httpCase('header-injection', 'dmp.fhir', 'iti67-identifier-crlf', { method: 'GET', path: `/DocumentReference?status=current&patient.identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989${crlf}` }, { status: 400, rule: 'mhd/iti67-parameters', requirement: 'DMP-013', reason: /attendu sous la forme urn:oid:<OID INS>\|<matricule>/ }),
    httpCase('header-injection', 'dmp.fhir', 'td02-identifier-crlf', { method: 'GET', path: `/Patient?identifier=urn:oid:1.2.250.1.213.1.4.10|279035121518989${crlf}` }, { status: 400, reason: /paramètre identifier attendu sous la forme/ }),
    httpCase('header-injection', 'dmp.xds', 'wsa-action-crlf', post('', SOAP_XML, iti18Envelope().replace('<wsa:Action>urn:ihe:iti:2007:RegistryStoredQuery', '<wsa:Action>urn:ihe:iti:2007:RegistryStoredQuery&#13;&#10;Set-Cookie: injecte=1')), {
      status: 400,
      rule: 'xds/soap-transport',
      requirement: 'DMP-008',
      reason: /action SOAP « urn:ihe:iti:2007:RegistryStoredQuery\s+Set-Cookie: injecte=1 » inconnue/,
    }),
    httpCase('header-injection', 'insi', 'trait-crlf', post('', SOAP_XML, insiEnvelope().replace('>ADRTROIS<', '>ADRTROIS\r\nSet-Cookie: injecte=1<')), { status: 400, rule: 'identity/insi-request', requirement: 'INS-002', reason: /NomNaissance contient un caractère de contrôle/ }),
    httpCase('header-injection', 'psc', 'authorize-redirect-crlf', { method: 'GET', path: `${PSC.authorize}?response_type=code&client_id=dui&scope=openid%20scope_all&acr_values=eidas1&state=s&nonce=n&code_challenge=abc&code_challenge_method=S256&redirect_uri=https://dui.test/cb${crlf}` }, { status: 400, rule: 'psc/authorization-request', requirement: 'PSC-001', reason: /redirect_uri .* n'est pas une URL absolue valide/ }),
    httpCase('header-injection', 'psc', 'userinfo-bearer-crlf', { method: 'GET', path: PSC.userinfo, headers: [['Authorization', 'Bearer abc\r\nX-Injecte: 1']] }, { status: 401, reason: /jeton d'accès inconnu/ }),
    httpCase('header-injection', 'dmp.fhir', 'iti68-id-crlf', { method: 'GET', path: `/Binary/abc${crlf}` }, { status: 404, reason: /aucun document d'identifiant abc\\r\\nSet-Cookie/ }),
    httpCase('header-injection', 'dmp.fhir', 'iti68-id-traversal', { method: 'GET', path: '/Binary/..%2F..%2F..%2Fetc%2Fpasswd' }, { status: 404, reason: /aucun service simulé ne répond à GET \/Binary\/\.\.\/\.\.\/\.\.\/etc\/passwd/ }),
    httpCase('header-injection', 'dmp.fhir', 'delete-id-crlf', { method: 'DELETE', path: `/DocumentReference/abc${crlf}` }, { status: 404, reason: /aucune fiche d'identifiant abc\\r\\nSet-Cookie/ }),
    httpCase('header-injection', 'annuaire', 'read-id-crlf', { method: 'GET', path: `/Practitioner/ann-pr-durand${crlf}` }, { status: 404, reason: /aucun service simulé ne répond à GET \/Practitioner\/ann-pr-durand\r\nSet-Cookie/ }),
  ]
}

export function httpCases(): HostileCase[] {
  return [...xmlCases(), ...jsonCases(), ...patchCases(), ...mtomCases(), ...hugeBodyCases(), ...brokenHttpCases(), ...truncatedAndUndecodableCases(), ...wrongContentTypeCases(), ...injectedValueCases()]
}
