import type { Expected, Family, HostileCase, StreamedBody, ValidateType } from './case.ts'
import { JSON_ATTACKS } from './json-attacks.ts'
import { MIME_ATTACKS } from './mime-attacks.ts'
import { MTOM_ATTACKS, mtom } from './mtom-attacks.ts'
import { iti41EnvelopeFor, provideBundleWith, validCda } from './requests.ts'
import { XML_ATTACKS } from './xml-attacks.ts'
import { ZIP_ATTACKS } from './zip-attacks.ts'

/** `dui-harness validate` exits 3 for an invalid artefact. */
const INVALID = 3
const MIB = 1024 * 1024

function validateCase(family: Family, type: ValidateType, variant: string, file: Buffer | StreamedBody, expected: Omit<Expected, 'status'>): HostileCase {
  return { id: `${family}/validate:${type}/${variant}`, family, target: `validate:${type}`, input: { transport: 'validate', type, file }, expected: { status: INVALID, ...expected } }
}

/** An MTOM request saved as a MIME entity: its Content-Type header, a blank line, the body. */
const entity = (request: { contentType: string; body: Buffer }) => Buffer.concat([Buffer.from(`Content-Type: ${request.contentType}\r\n\r\n`), request.body])

/** Files too large to read: streamed to disk, refused on their size without being read. */
function oversizedCases(): HostileCase[] {
  const big = (text: string, bytes: number): StreamedBody => ({ chunk: Buffer.from(text.repeat(Math.ceil(65_536 / text.length)).slice(0, 65_536)), bytes })
  return [
    validateCase('huge-body', 'cda', 'file-100MB', big('<ClinicalDocument xmlns="urn:hl7-org:v3">', 100 * MIB), { rule: 'xml/size-limit', requirement: 'DOC-003', reason: /au-delà de la limite de 67108864 octets/ }),
    validateCase('huge-body', 'xdm', 'file-101MB', big('PK\u0003\u0004', 101 * MIB), { rule: 'input/size-limit', reason: /fichier refusé : \d+ octets, au-delà de la limite de 104857600 octets/ }),
    validateCase('huge-body', 'mime', 'file-30MB', big('X-Remplissage: aaaaaaaaaaaaaaaa\r\n', 30 * MIB), { rule: 'input/size-limit', reason: /au-delà de la limite de 26214400 octets/ }),
    validateCase('huge-body', 'mhd-bundle', 'file-100MB', big('{"resourceType":"Bundle",', 100 * MIB), { rule: 'input/size-limit', reason: /au-delà de la limite de 67108864 octets/ }),
    validateCase('huge-body', 'xds-request', 'file-100MB', big('<soap:Envelope>', 100 * MIB), { rule: 'input/size-limit', reason: /au-delà de la limite de 67108864 octets/ }),
  ]
}

export function validateCases(): HostileCase[] {
  const cda = validCda()
  const cdaText = cda.toString('utf8')
  const iti41 = iti41EnvelopeFor(cda)
  const bundle = provideBundleWith(cda)
  return [
    ...XML_ATTACKS.map((attack) => validateCase(attack.family, 'cda', attack.variant, attack.spoil(cdaText), { rule: attack.rule, requirement: 'DOC-003', reason: attack.reason })),
    ...XML_ATTACKS.map((attack) => validateCase(attack.family, 'xds-request', `envelope-${attack.variant}`, entity(mtom(attack.spoil(iti41.toString('utf8')), cda)), { rule: attack.rule, requirement: 'DMP-008', reason: attack.reason })),
    ...MTOM_ATTACKS.map((attack) => validateCase(attack.family, 'xds-request', attack.variant, entity(attack.build(iti41, cda)), { rule: attack.rule, requirement: attack.requirement, reason: attack.reason })),
    ...JSON_ATTACKS.map((attack) => validateCase(attack.family, 'mhd-bundle', attack.variant, attack.spoil(bundle), { rule: attack.rule, requirement: 'DMP-001', reason: attack.reason })),
    ...ZIP_ATTACKS.map((attack) => validateCase(attack.family, 'xdm', attack.variant, attack.build(), { rule: attack.rule, requirement: 'MSS-006', reason: attack.reason })),
    ...MIME_ATTACKS.map((attack) => validateCase(attack.family, 'mime', attack.variant, attack.build(), { rule: attack.rule, requirement: attack.requirement, reason: attack.reason })),
    ...oversizedCases(),
  ]
}
