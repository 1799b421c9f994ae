import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { isPatientRef } from '../../xds/index.ts'
import { localPatientId } from '../../xds/rules/patient-id.ts'
import { SUBSET_DIR, xdmIssue, type XdmContext } from '../context.ts'

const RULE = 'xdm/metadata-vs-cda'

/** Each DocumentEntry says what its CDA header says: same patient (INS, or local identifier), same typeCode. */
export const metadataVsCdaRule: ValidationRule<XdmContext> = {
  id: RULE,
  requirements: ['MSS-007'],
  description: 'Le patientId et le typeCode de chaque fiche de METADATA.XML sont ceux de l\'en-tête du document CDA',
  appliesTo: (ctx) => ctx.metadata !== undefined,
  check(ctx) {
    const issues: Issue[] = []
    const metadata = ctx.metadata!
    metadata.submission.entries.forEach((entry, index) => {
      const uri = metadata.uris[index]
      const header = ctx.documents.find((doc) => uri && doc.path.toUpperCase() === (SUBSET_DIR + uri).toUpperCase())?.header
      if (!header) return
      const patient = entry.patientId?.value
      const ins = header.patient.ins
      if (isPatientRef(patient) && ins?.value && (patient.value !== ins.value || patient.oid !== ins.oid)) {
        issues.push(xdmIssue(RULE, 'MSS-007', 'invariant', `${entry.label} : patientId ${patient.value} (${patient.oid}) n'est pas l'INS du document CDA ${ins.value} (${ins.oid})`, entry.patientId!.path, { metadata: patient, cda: { value: ins.value, oid: ins.oid } }))
      }
      if (isPatientRef(patient) && !ins) {
        issues.push(xdmIssue(RULE, 'MSS-007', 'invariant', `${entry.label} : patientId désigne l'INS ${patient.value} mais le document CDA ne porte pas d'INS`, entry.patientId!.path))
      }
      const local = patient && !isPatientRef(patient) ? localPatientId(patient.raw) : undefined
      if (local && !header.patient.ids.some((id) => id.root === local.oid && id.extension === local.value)) {
        issues.push(xdmIssue(RULE, 'MSS-007', 'invariant', `${entry.label} : patientId désigne l'identifiant local ${local.value} (${local.oid}), que l'en-tête du document CDA ne porte pas (patientRole/id)`, entry.patientId!.path, { metadata: local }))
      }
      const type = entry.typeCode?.value
      if (header.typeCode?.code && type && type.code !== header.typeCode.code) {
        issues.push(xdmIssue(RULE, 'MSS-007', 'invariant', `${entry.label} : typeCode ${type.code} différent du code du document CDA ${header.typeCode.code}`, entry.typeCode!.path, { metadata: type.code, cda: header.typeCode.code }))
      }
      if (!type) issues.push(xdmIssue(RULE, 'MSS-007', 'required', `${entry.label} : typeCode absent`, entry.path))
    })
    return issues
  },
}
