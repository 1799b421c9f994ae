import { sortIssues, type Issue } from '../../core/issue.ts'
import { runRules, type ValidationRule } from '../rule.ts'
import type { Submission } from './model.ts'
import type { SubmissionContext } from './rules/context.ts'
import { patientIdRule } from './rules/patient-id.ts'
import { sizeHashRule } from './rules/size-hash.ts'
import { uniqueIdRule } from './rules/unique-id.ts'

export type { Code, DocumentEntry, Located, PatientRef, Submission, SubmissionSet, UnreadablePatient } from './model.ts'
export { isPatientRef } from './model.ts'
export { formatInsCx, parseInsCx, CX_EXPECTED } from './cx.ts'
export type { SubmissionContext } from './rules/context.ts'

/** Metadata rules shared by ITI-65 (FHIR), ITI-41 (ebRIM) and IHE_XDM METADATA.XML. */
export const submissionRules: readonly ValidationRule<SubmissionContext>[] = [patientIdRule, sizeHashRule, uniqueIdRule]

/** Judges the XDS metadata of a submission, whatever its transport. */
export function validateSubmission(submission: Submission): Issue[] {
  return sortIssues(runRules(submissionRules, { submission }))
}
