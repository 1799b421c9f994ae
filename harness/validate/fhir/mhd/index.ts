import { isUtf8 } from 'node:buffer'
import { sortIssues, type Issue } from '../../../core/issue.ts'
import type { CdaValidationOptions } from '../../cda/index.ts'
import { runRules } from '../../rule.ts'
import { submissionFromBundle } from '../../xds/from-fhir.ts'
import { isPatientRef, validateSubmissionWithDocuments, type PatientRef, type Submission } from '../../xds/index.ts'
import { pdsmProfileConstraints } from '../pdsm/profile-constraints.ts'
import { checkR4Schema } from '../r4-schema.ts'
import { bundleStructure } from './bundle-structure.ts'
import { buildContext, isJson } from './context.ts'

export interface ProvideBundleValidation {
  readonly issues: readonly Issue[]
  /** The parsed bundle, when the body was JSON. */
  readonly bundle?: Record<string, unknown>
  /** Its metadata in the shared XDS model. */
  readonly submission?: Submission
  /** The patient INS the submission designates, when readable. */
  readonly ins?: PatientRef
}

/**
 * Validates the raw body of an ITI-65 request: the official FHIR R4 schema, the bundle structure
 * and PDSm profile constraints (FHIR-specific), each CDA document, then the XDS metadata rules
 * shared with ITI-41 and XDM. Never throws on bad input.
 */
export async function validateProvideBundle(body: Buffer | string, cda: CdaValidationOptions = {}): Promise<ProvideBundleValidation> {
  // JSON is UTF-8 (RFC 8259): decoding would silently turn bad bytes into U+FFFD.
  if (typeof body !== 'string' && !isUtf8(body)) return { issues: [notJson('le corps de la requête n\'est pas encodé en UTF-8 valide (octets invalides) : JSON en UTF-8 attendu (RFC 8259)')] }
  const text = typeof body === 'string' ? body : body.toString('utf8')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { issues: [notJson(`le corps de la requête n'est pas du JSON valide : ${reason}`)] }
  }
  if (!isJson(parsed)) return { issues: [notJson('le corps de la requête n\'est pas un objet JSON (ressource FHIR attendue)')] }
  const ctx = buildContext(parsed)
  const submission = submissionFromBundle(ctx)
  const carrier = submission.submissionSets[0] ?? submission.entries[0]
  const patient = carrier?.patientId?.value
  return {
    issues: sortIssues([
      ...checkR4Schema(parsed, 'fhir/r4-schema', 'DMP-001'),
      ...runRules([bundleStructure, pdsmProfileConstraints], ctx),
      ...(await validateSubmissionWithDocuments(submission, cda)).issues,
    ]),
    bundle: parsed,
    submission,
    ...(isPatientRef(patient) ? { ins: patient } : {}),
  }
}

function notJson(message: string): Issue {
  return { severity: 'fatal', code: 'structure', rule: 'mhd/iti65-json', requirement: 'DMP-001', message, location: { path: 'Bundle' } }
}
