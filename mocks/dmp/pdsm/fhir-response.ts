import type { Issue } from '../../../harness/core/issue.ts'
import type { HandlerResult } from '../../http/handler.ts'

export const FHIR_JSON = { 'content-type': 'application/fhir+json; charset=utf-8' }

export function fhirJson(status: number, resource: unknown, meta?: Record<string, unknown>): HandlerResult {
  return { status, headers: FHIR_JSON, body: JSON.stringify(resource), ...(meta ? { meta } : {}) }
}

/** An OperationOutcome whose diagnostics say, in French, what is wrong and which rule found it. */
export function operationOutcome(issues: readonly Pick<Issue, 'severity' | 'code' | 'message' | 'rule' | 'location'>[]) {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((issue) => ({
      severity: issue.severity,
      code: issue.code,
      diagnostics: `[${issue.rule}] ${issue.message}`,
      ...(issue.location ? { expression: [issue.location.path] } : {}),
    })),
  }
}

/** A one-issue error answer. */
export function fhirError(status: number, rule: string, message: string, meta?: Record<string, unknown>): HandlerResult {
  return fhirJson(status, operationOutcome([{ severity: 'error', code: 'processing', rule, message }]), meta)
}

export function searchset(resources: readonly unknown[]) {
  return { resourceType: 'Bundle', type: 'searchset', total: resources.length, entry: resources.map((resource) => ({ resource })) }
}
