import { hasBlockingIssues, sortIssues, type Issue } from '../../../harness/core/issue.ts'
import type { EbrimSubmission } from '../../../harness/validate/xds/from-ebrim.ts'
import type { PatientRef } from '../../../harness/validate/xds/index.ts'
import type { CdaValidationOptions } from '../../../harness/validate/cda/index.ts'
import { ITI41_ACTION, judgeIti41 } from '../../../harness/validate/xds/iti41-request.ts'
import { transportIssue, type SoapRequest } from '../../../harness/validate/xds/soap-request.ts'
import type { HandlerResult } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { registryResponse, soapResponse } from './soap-response.ts'

/**
 * ITI-41 Provide and Register Document Set-b (DMP TD2.1 over SOAP), judged by the shared ITI-41
 * rules (harness/validate/xds) with the registry for RPLC replacements. Accepted documents go to
 * the registry; the answer is a RegistryResponse.
 */
export async function provideAndRegister(soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[], cda: CdaValidationOptions = {}): Promise<HandlerResult> {
  const judged = await judgeIti41(soap, { cda, replacedUniqueId: (entryUuid) => registry.byEntryUuid(entryUuid)?.uniqueId })
  const issues = [...transportIssues, ...judged.issues]
  return answer(issues, registry, judged.ebrim ? { ebrim: judged.ebrim, patient: judged.patient } : undefined, soap)
}

function answer(issues: Issue[], registry: DmpRegistry, accepted: { ebrim: EbrimSubmission; patient: PatientRef | undefined } | undefined, soap: SoapRequest): HandlerResult {
  const sorted = sortIssues(issues)
  const patient = accepted?.patient
  const meta = { transaction: 'ITI-41', issues: sorted, ...(patient ? { patientIns: `${patient.oid}|${patient.value}` } : {}), accepted: false, stored: [] as string[] }
  if (hasBlockingIssues(sorted) || !accepted || !patient) return soapResponse(`${ITI41_ACTION}Response`, soap.messageId, registryResponse(sorted), meta)
  if (registry.dmpState(patient.value) !== 'active') {
    const refused = [transportIssue(`alimentation refusée : le DMP du patient ${patient.value} est ${registry.dmpState(patient.value) === 'closed' ? 'fermé' : 'inexistant'}`)]
    return soapResponse(`${ITI41_ACTION}Response`, soap.messageId, registryResponse(refused), { ...meta, dmpState: registry.dmpState(patient.value) })
  }
  for (const entry of accepted.ebrim.submission.entries) {
    const uniqueId = entry.uniqueId?.value
    if (!uniqueId || !entry.document) continue
    const replacedEntry = accepted.ebrim.replacements.get(entry.entryUuid ?? '')
    const replaces = replacedEntry ? registry.byEntryUuid(replacedEntry.replace(/^urn:uuid:/, ''))?.uniqueId : undefined
    registry.add({
      uniqueId,
      patient,
      confidentialityCodes: [...(entry.confidentialityCodes?.value ?? [])],
      ...(entry.typeCode?.value ? { typeCode: entry.typeCode.value } : {}),
      ...(entry.classCode?.value ? { classCode: entry.classCode.value } : {}),
      ...(entry.formatCode?.value ? { formatCode: entry.formatCode.value } : {}),
      mimeType: entry.mimeType?.value ?? 'text/xml',
      bytes: entry.document,
      submittedAt: new Date().toISOString(),
      transport: 'ebrim',
      ...(replaces ? { replaces } : {}),
    })
    meta.stored.push(uniqueId)
  }
  return soapResponse(`${ITI41_ACTION}Response`, soap.messageId, registryResponse([]), { ...meta, accepted: true })
}
