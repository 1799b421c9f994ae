import { sortIssues } from '../../../core/issue.ts'
import type { CdaHeaderInfo } from '../../cda/index.ts'
import { runRules, type ValidationRule } from '../../rule.ts'
import { submissionRules, type DocumentEntry } from '../../xds/index.ts'
import { patientIdOrLocalRule, patientIdRule } from '../../xds/rules/patient-id.ts'
import { SUBSET_DIR, type XdmContext } from '../context.ts'

/** The DMP's metadata rules, with MSSanté's patientId rule instead of the DMP's. */
const XDM_SUBMISSION_RULES = submissionRules.map((rule) => (rule === patientIdRule ? patientIdOrLocalRule : rule))

/**
 * The DocumentEntry rules of the DMP side (patientId INS, size/hash, uniqueId, codes, agreement
 * with the CDA header), applied to METADATA.XML, except that the patient whose identity is not
 * qualified may be designated by the sender's local identifier (IPP). Their findings keep their rule id and are filed
 * under MSS-007 here; the DMP requirement stays in `params.sharedRequirement`.
 */
export const sharedMetadataRule: ValidationRule<XdmContext> = {
  id: 'xdm/shared-metadata',
  requirements: ['MSS-007'],
  description: 'METADATA.XML respecte les règles de métadonnées XDS communes au DMP (INS, taille, empreinte, identifiants, codes)',
  appliesTo: (ctx) => ctx.metadata !== undefined,
  check(ctx) {
    const metadata = ctx.metadata!
    const headers = new Map<DocumentEntry, CdaHeaderInfo>()
    metadata.submission.entries.forEach((entry, index) => {
      const uri = metadata.uris[index]
      const header = uri ? ctx.documents.find((doc) => doc.path.toUpperCase() === (SUBSET_DIR + uri).toUpperCase())?.header : undefined
      if (header) headers.set(entry, header)
    })
    return sortIssues(runRules(XDM_SUBMISSION_RULES, { submission: metadata.submission, headers })).map((issue) => ({ ...issue, requirement: 'MSS-007', params: { ...issue.params, sharedRequirement: issue.requirement } }))
  },
}
