import { randomUUID } from 'node:crypto'
import type { Issue } from '../../harness/core/issue.ts'
import { hasBlockingIssues } from '../../harness/core/issue.ts'
import { validateProvideBundle } from '../../harness/validate/fhir/mhd/index.ts'
import type { HandlerResult, MockHandler } from '../http/handler.ts'
import { handlerFor } from '../http/handler.ts'
import { asArray, isJson } from '../../harness/validate/fhir/mhd/context.ts'

const FHIR_JSON = { 'content-type': 'application/fhir+json; charset=utf-8' }

/** Meta the ITI-65 handler keeps with each exchange, for scenario steps. */
export interface ProvideMeta extends Record<string, unknown> {
  readonly transaction: 'ITI-65'
  readonly issues: readonly Issue[]
  /** `<oid>|<matricule>` of the designated patient, when readable. */
  readonly patientIns?: string
  readonly accepted: boolean
}

/**
 * ITI-65 Provide Document Bundle (PDSm, `POST [base]`): a valid bundle gets a
 * transaction-response with one entry per request entry, in order; an invalid one gets a 400
 * OperationOutcome that says, in French, what is wrong.
 */
export function provideDocumentBundle(): MockHandler {
  return handlerFor.post('dmp.iti65', /^\/?$/, (request): HandlerResult => {
    const validation = validateProvideBundle(request.body)
    const meta: ProvideMeta = {
      transaction: 'ITI-65',
      issues: validation.issues,
      ...(validation.ins ? { patientIns: `${validation.ins.oid}|${validation.ins.value}` } : {}),
      accepted: !hasBlockingIssues(validation.issues),
    }
    if (!meta.accepted || !validation.bundle) {
      return { status: 400, headers: FHIR_JSON, body: JSON.stringify(operationOutcome(validation.issues)), meta }
    }
    const entries = asArray(validation.bundle['entry']).map((entry) => {
      const type = isJson(entry) && isJson(entry['resource']) ? String(entry['resource']['resourceType']) : 'Resource'
      return { response: { status: '201 Created', location: `${type}/${randomUUID()}/_history/1` } }
    })
    const response = { resourceType: 'Bundle', id: randomUUID(), type: 'transaction-response', entry: entries }
    return { status: 200, headers: FHIR_JSON, body: JSON.stringify(response), meta }
  })
}

function operationOutcome(issues: readonly Issue[]) {
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
