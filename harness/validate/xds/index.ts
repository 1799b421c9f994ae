import { sortIssues, type Issue } from '../../core/issue.ts'
import { validateCda, type CdaHeaderInfo, type CdaValidationOptions } from '../cda/index.ts'
import { runRules, type ValidationRule } from '../rule.ts'
import type { DocumentEntry, Submission } from './model.ts'
import { cdaConsistencyRule } from './rules/cda-consistency.ts'
import { codedMetadataRule } from './rules/coded-metadata.ts'
import type { SubmissionContext } from './rules/context.ts'
import { patientIdRule } from './rules/patient-id.ts'
import { sizeHashRule } from './rules/size-hash.ts'
import { uniqueIdRule } from './rules/unique-id.ts'

export type { Code, DocumentEntry, Located, PatientRef, Submission, SubmissionSet, UnreadablePatient } from './model.ts'
export { isPatientRef } from './model.ts'
export { formatInsCx, parseInsCx, CX_EXPECTED } from './cx.ts'
export { validateXdsRequest, type XdsRequestValidation } from './request.ts'
export type { SubmissionContext } from './rules/context.ts'

/** Metadata rules shared by ITI-65 (FHIR), ITI-41 (ebRIM) and IHE_XDM METADATA.XML. */
export const submissionRules: readonly ValidationRule<SubmissionContext>[] = [patientIdRule, sizeHashRule, uniqueIdRule, codedMetadataRule, cdaConsistencyRule]

/** Judges the XDS metadata of a submission, whatever its transport (CDA headers when known). */
export function validateSubmission(submission: Submission, headers?: ReadonlyMap<DocumentEntry, CdaHeaderInfo>): Issue[] {
  return sortIssues(runRules(submissionRules, { submission, ...(headers ? { headers } : {}) }))
}

export interface DocumentsValidation {
  readonly issues: Issue[]
  /** The CDA header of each entry whose document could be parsed. */
  readonly headers: ReadonlyMap<DocumentEntry, CdaHeaderInfo>
}

/**
 * Runs every CDA the submission carries through the CDA validator, then the metadata rules with
 * the CDA headers (so metadata and documents are checked against each other). `cda` turns on the
 * official kit (`cisisKit`) for the documents.
 */
export async function validateSubmissionWithDocuments(submission: Submission, cda: CdaValidationOptions = {}): Promise<DocumentsValidation> {
  const headers = new Map<DocumentEntry, CdaHeaderInfo>()
  const documentIssues: Issue[] = []
  for (const entry of submission.entries) {
    if (!entry.document || !looksLikeXml(entry.document)) continue
    const result = await validateCda(entry.document, cda)
    if (result.header) headers.set(entry, result.header)
    for (const issue of result.issues) {
      documentIssues.push({ ...issue, location: { ...issue.location, path: `${entry.label} › ${issue.location?.path ?? '/'}` } })
    }
  }
  return { issues: sortIssues([...documentIssues, ...validateSubmission(submission, headers)]), headers }
}

function looksLikeXml(bytes: Buffer): boolean {
  // A UTF-16 document (byte order mark) is XML too: it must not slip past the CDA checks.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true
  const start = bytes.subarray(0, 200).toString('utf8').replace(/^\uFEFF/, '').trimStart()
  return start.startsWith('<')
}
