import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { isPatientRef } from '../model.ts'
import { problem, type SubmissionContext } from './context.ts'
import { isUniversalOid } from './unique-id.ts'

const RULE = 'xds/cda-consistency'
const REQUIREMENT = 'DMP-006'

/**
 * The metadata of each document say what its CDA header says: same patient INS, uniqueId =
 * ClinicalDocument/id, typeCode = ClinicalDocument/code, formatCode = the N1 mediaType's format,
 * and the CDA's confidentialityCode among the entry's codes.
 */
export const cdaConsistencyRule: ValidationRule<SubmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Les métadonnées de chaque fiche concordent avec l\'en-tête du document CDA transmis',
  appliesTo: (ctx) => (ctx.headers?.size ?? 0) > 0,
  check({ submission, headers }) {
    const issues: Issue[] = []
    for (const entry of submission.entries) {
      const header = headers?.get(entry)
      if (!header) continue
      const mismatch = (what: string, metadata: string | undefined, cda: string | undefined, at: { path: string }) => {
        if (metadata !== undefined && cda !== undefined && metadata !== cda) issues.push(problem(RULE, REQUIREMENT, 'invariant', `${entry.label} : ${what} vaut « ${metadata} » dans les métadonnées et « ${cda} » dans l'en-tête CDA`, at, { metadata, cda }))
      }
      const patient = entry.patientId?.value
      if (isPatientRef(patient) && entry.patientId) mismatch('le matricule INS du patient', patient.value, header.patient.ins?.value, entry.patientId)
      const documentId = header.documentId?.root ? [header.documentId.root, header.documentId.extension].filter(Boolean).join('^') : undefined
      // A uniqueId that is not an OID is xds/unique-id-oid's finding; comparing it again would report one mistake twice.
      if (entry.uniqueId?.value !== undefined && isUniversalOid(entry.uniqueId.value, true)) mismatch('l\'identifiant unique', entry.uniqueId.value, documentId, entry.uniqueId)
      if (entry.typeCode) mismatch('le typeCode', entry.typeCode.value?.code, header.typeCode?.code, entry.typeCode)
      if (entry.formatCode && header.formatCode?.certainty === 'mapped') mismatch('le formatCode', entry.formatCode.value?.code, header.formatCode.code, entry.formatCode)
      const cdaLevel = header.confidentiality?.code
      const codes = entry.confidentialityCodes?.value.map((code) => code.code) ?? []
      if (cdaLevel && entry.confidentialityCodes && codes.length > 0 && !codes.includes(cdaLevel)) {
        issues.push(problem(RULE, REQUIREMENT, 'invariant', `${entry.label} : le confidentialityCode « ${cdaLevel} » de l'en-tête CDA est absent des métadonnées (${codes.join(', ')})`, entry.confidentialityCodes))
      }
    }
    return issues
  },
}
