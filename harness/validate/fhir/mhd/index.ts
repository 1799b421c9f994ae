import { sortIssues, type Issue } from '../../../core/issue.ts'
import { runRules, type ValidationRule } from '../../rule.ts'
import { attachmentIntegrity } from './attachment-integrity.ts'
import { bundleStructure } from './bundle-structure.ts'
import { buildContext, isJson, type ProvideBundleContext } from './context.ts'
import { subjectIns, subjectInsRule, type SubjectIns } from './subject-ins.ts'
import { uniqueIdRule } from './unique-id.ts'

export { subjectIns, type SubjectIns } from './subject-ins.ts'

/** The ITI-65 (Provide Document Bundle) rules, in report order. */
export const provideBundleRules: readonly ValidationRule<ProvideBundleContext>[] = [bundleStructure, subjectInsRule, attachmentIntegrity, uniqueIdRule]

export interface ProvideBundleValidation {
  readonly issues: readonly Issue[]
  /** The parsed bundle, when the body was JSON. */
  readonly bundle?: Record<string, unknown>
  /** The patient INS the submission set designates, when readable. */
  readonly ins?: SubjectIns
}

/** Validates the raw body of an ITI-65 request. Never throws on bad input. */
export function validateProvideBundle(body: Buffer | string): ProvideBundleValidation {
  const text = typeof body === 'string' ? body : body.toString('utf8')
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error)
    return { issues: [{ severity: 'fatal', code: 'structure', rule: 'mhd/iti65-json', requirement: 'DMP-001', message: `le corps de la requête n'est pas du JSON valide : ${reason}`, location: { path: 'Bundle' } }] }
  }
  if (!isJson(parsed)) {
    return { issues: [{ severity: 'fatal', code: 'structure', rule: 'mhd/iti65-json', requirement: 'DMP-001', message: 'le corps de la requête n\'est pas un objet JSON (ressource FHIR attendue)', location: { path: 'Bundle' } }] }
  }
  const ctx = buildContext(parsed)
  const carrier = ctx.submissionSets[0] ?? ctx.documentReferences[0]
  const ins = carrier ? subjectIns(carrier.resource) : undefined
  return { issues: sortIssues(runRules(provideBundleRules, ctx)), bundle: parsed, ...(ins ? { ins } : {}) }
}
