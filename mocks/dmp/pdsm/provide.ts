import { randomUUID } from 'node:crypto'
import { hasBlockingIssues, type Issue } from '../../../harness/core/issue.ts'
import { asArray, buildContext, isJson } from '../../../harness/validate/fhir/mhd/context.ts'
import { replacedUniqueIds } from '../../../harness/validate/fhir/mhd/replacement.ts'
import { validateProvideBundle } from '../../../harness/validate/fhir/mhd/index.ts'
import type { CdaValidationOptions } from '../../../harness/validate/cda/index.ts'
import { handlerFor, type HandlerResult, type MockHandler } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { fhirError, fhirJson, operationOutcome } from './fhir-response.ts'

/** Meta the ITI-65 handler keeps with each exchange, for scenario steps. */
export interface ProvideMeta extends Record<string, unknown> {
  readonly transaction: 'ITI-65'
  readonly issues: readonly Issue[]
  /** `<oid>|<matricule>` of the designated patient, when readable. */
  readonly patientIns?: string
  readonly accepted: boolean
  /** uniqueIds of the documents stored. */
  readonly stored: readonly string[]
}

/**
 * ITI-65 Provide Document Bundle (PDSm, `POST [base]`): a valid bundle for a patient with an
 * active DMP is stored and answered with a transaction-response, one entry per request entry,
 * in order; otherwise a 4xx OperationOutcome says, in French, what is wrong.
 */
export function provideDocumentBundle(registry: DmpRegistry, cda: CdaValidationOptions = {}): MockHandler {
  return handlerFor.post('dmp.iti65', /^\/?$/, async (request): Promise<HandlerResult> => {
    const validation = await validateProvideBundle(request.body, cda)
    const base = {
      transaction: 'ITI-65' as const,
      issues: validation.issues,
      ...(validation.ins ? { patientIns: `${validation.ins.oid}|${validation.ins.value}` } : {}),
    }
    if (hasBlockingIssues(validation.issues) || !validation.bundle || !validation.submission) {
      return fhirJson(400, operationOutcome(validation.issues), { ...base, accepted: false, stored: [] } satisfies ProvideMeta)
    }
    const ins = validation.ins
    const state = ins ? registry.dmpState(ins.value) : 'absent'
    if (state !== 'active') {
      const why = state === 'closed' ? 'le DMP de ce patient est fermé' : 'ce patient n\'a pas de DMP'
      return fhirError(422, 'dmp/no-active-dmp', `alimentation refusée : ${why}`, { ...base, accepted: false, stored: [] } satisfies ProvideMeta)
    }
    // The FHIR adapter builds one entry per DocumentReference, in bundle order.
    const documentReferences = buildContext(validation.bundle).documentReferences
    const stored = validation.submission.entries.flatMap((entry, index) => {
      const uniqueId = entry.uniqueId?.value
      const reference = documentReferences[index]
      if (!uniqueId || !entry.document || !ins || !reference) return []
      const [replaces] = replacedUniqueIds(reference.resource)
      registry.add({
        uniqueId,
        patient: ins,
        confidentialityCodes: [...(entry.confidentialityCodes?.value ?? [])],
        ...(entry.typeCode?.value ? { typeCode: entry.typeCode.value } : {}),
        ...(entry.classCode?.value ? { classCode: entry.classCode.value } : {}),
        ...(entry.formatCode?.value ? { formatCode: entry.formatCode.value } : {}),
        mimeType: entry.mimeType?.value ?? 'application/octet-stream',
        bytes: entry.document,
        submittedAt: new Date().toISOString(),
        transport: 'fhir',
        ...(replaces ? { replaces } : {}),
      })
      return [uniqueId]
    })
    const entries = asArray(validation.bundle['entry']).map((entry) => {
      const type = isJson(entry) && isJson(entry['resource']) ? String(entry['resource']['resourceType']) : 'Resource'
      return { response: { status: '201 Created', location: `${type}/${randomUUID()}/_history/1` } }
    })
    return fhirJson(200, { resourceType: 'Bundle', type: 'transaction-response', entry: entries }, { ...base, accepted: true, stored } satisfies ProvideMeta)
  })
}
