import { asArray, entryPath, findBinary, isJson, type BundleEntry, type Json, type ProvideBundleContext } from '../fhir/mhd/context.ts'
import type { Code, DocumentEntry, Located, PatientRef, Submission, SubmissionSet, UnreadablePatient } from './model.ts'

/** `Patient?identifier=urn:oid:<oid>|<value>`: how PDSm4DMP designates the patient by INS. */
const CONDITIONAL = /^Patient\?identifier=urn:oid:([0-9.]+)\|(.+)$/
const SUBJECT_EXPECTED = 'Patient?identifier=urn:oid:<OID autorité INS>|<matricule>'

/** Maps an ITI-65 bundle (PDSm comprehensive) onto the shared XDS metadata model. */
export function submissionFromBundle(ctx: ProvideBundleContext): Submission {
  return {
    transport: 'fhir',
    submissionSets: ctx.submissionSets.map(submissionSet),
    entries: ctx.documentReferences.map((doc, i) => documentEntry(ctx, doc, i)),
  }
}

/** The patient a FHIR resource's subject designates. */
export function subjectPatient(resource: Json): PatientRef | UnreadablePatient | undefined {
  const subject = resource['subject']
  if (!isJson(subject)) return undefined
  if (typeof subject['reference'] === 'string') {
    const match = CONDITIONAL.exec(subject['reference'])
    return match?.[1] && match[2] ? { oid: match[1], value: match[2] } : { raw: subject['reference'], expected: SUBJECT_EXPECTED }
  }
  const identifier = subject['identifier']
  if (isJson(identifier) && typeof identifier['system'] === 'string' && typeof identifier['value'] === 'string') {
    return { oid: identifier['system'].replace(/^urn:oid:/, ''), value: identifier['value'] }
  }
  return { raw: JSON.stringify(subject), expected: SUBJECT_EXPECTED }
}

function submissionSet(list: BundleEntry, index: number): SubmissionSet {
  const identifiers = asArray(list.resource['identifier']).filter(isJson)
  const official = identifiers.find((identifier) => identifier['use'] === 'official') ?? (identifiers.length === 1 ? identifiers[0] : undefined)
  return {
    label: `lot de soumission ${index + 1}`,
    path: entryPath(list),
    uniqueId: at(oidValue(official?.['value']), entryPath(list, '.identifier')),
    patientId: at(subjectPatient(list.resource), entryPath(list, '.subject')),
  }
}

function documentEntry(ctx: ProvideBundleContext, doc: BundleEntry, index: number): DocumentEntry {
  const master = doc.resource['masterIdentifier']
  const content = asArray(doc.resource['content'])[0]
  const attachment = isJson(content) && isJson(content['attachment']) ? content['attachment'] : undefined
  const attachmentPath = entryPath(doc, '.content[0].attachment')
  const binary = attachment ? findBinary(ctx, attachment['url']) : undefined
  const data = binary?.resource['data']
  const hash = attachment?.['hash']
  const size = attachment?.['size']
  const context = isJson(doc.resource['context']) ? doc.resource['context'] : {}
  return {
    label: `fiche ${index + 1}`,
    path: entryPath(doc),
    ...(typeof doc.resource['id'] === 'string' ? { entryUuid: doc.resource['id'] } : {}),
    uniqueId: at(oidValue(isJson(master) ? master['value'] : undefined), entryPath(doc, '.masterIdentifier.value')),
    patientId: at(subjectPatient(doc.resource), entryPath(doc, '.subject')),
    typeCode: at(firstCoding(doc.resource['type']), entryPath(doc, '.type')),
    classCode: at(firstCoding(asArray(doc.resource['category'])[0]), entryPath(doc, '.category')),
    formatCode: at(isJson(content) ? coding(content['format']) : undefined, entryPath(doc, '.content[0].format')),
    confidentialityCodes: at(asArray(doc.resource['securityLabel']).flatMap((label) => (firstCoding(label) ? [firstCoding(label)!] : [])), entryPath(doc, '.securityLabel')),
    healthcareFacilityTypeCode: at(firstCoding(context['facilityType']), entryPath(doc, '.context.facilityType')),
    practiceSettingCode: at(firstCoding(context['practiceSetting']), entryPath(doc, '.context.practiceSetting')),
    mimeType: at(typeof attachment?.['contentType'] === 'string' ? attachment['contentType'] : undefined, `${attachmentPath}.contentType`),
    size: at(typeof size === 'number' || typeof size === 'string' ? size : undefined, `${attachmentPath}.size`),
    hash: at(typeof hash === 'string' ? { raw: hash, ...base64Sha1(hash) } : undefined, `${attachmentPath}.hash`),
    ...(typeof data === 'string' ? { document: Buffer.from(data, 'base64') } : {}),
  }
}

function at<T>(value: T, path: string): Located<T> {
  return { value, path }
}

/** `urn:oid:1.2.3` → `1.2.3`; anything else stays as sent so the rule can show it. */
function oidValue(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  return value.startsWith('urn:oid:') ? value.slice('urn:oid:'.length) : value
}

function coding(value: unknown): Code | undefined {
  if (!isJson(value) || typeof value['code'] !== 'string') return undefined
  return { code: value['code'], ...(typeof value['system'] === 'string' ? { scheme: value['system'] } : {}), ...(typeof value['display'] === 'string' ? { display: value['display'] } : {}) }
}

function firstCoding(concept: unknown): Code | undefined {
  return isJson(concept) ? coding(asArray(concept['coding'])[0]) : undefined
}

/** FHIR attachment.hash is the base64 of the 20 SHA-1 bytes. */
function base64Sha1(value: string): { hex?: string } {
  const bytes = Buffer.from(value, 'base64')
  return bytes.length === 20 && bytes.toString('base64') === value ? { hex: bytes.toString('hex') } : {}
}
