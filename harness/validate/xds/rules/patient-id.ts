import type { Issue } from '../../../core/issue.ts'
import { INS_AUTHORITY_OIDS, insFormatProblem, isInsAuthorityOid } from '../../identity/ins.ts'
import type { ValidationRule } from '../../rule.ts'
import { isPatientRef, type DocumentEntry, type SubmissionSet } from '../model.ts'
import { problem, type SubmissionContext } from './context.ts'

const RULE = 'xds/patient-id-ins'
const REQUIREMENT = 'DMP-002'

/**
 * The submission set and every document designate the same patient by INS: an INS authority
 * OID, a well-formed matricule with a valid key.
 */
export const patientIdRule: ValidationRule<SubmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le patient est désigné par son INS (OID d\'autorité INS, matricule et clé valides), le même dans tout le lot',
  appliesTo: (ctx) => ctx.submission.entries.length + ctx.submission.submissionSets.length > 0,
  check({ submission }) {
    const issues: Issue[] = []
    const seen = new Map<string, string>()
    for (const holder of [...submission.submissionSets, ...submission.entries]) {
      const key = checkOne(holder, issues)
      if (key && holder.patientId) seen.set(key, holder.patientId.path)
    }
    if (seen.size > 1) {
      issues.push(problem(RULE, REQUIREMENT, 'invariant', `le lot désigne plusieurs patients (${[...seen.keys()].join(', ')}) : un seul patient par lot`, { path: [...seen.values()].join(' ; ') }))
    }
    return issues
  },
}

function checkOne(holder: DocumentEntry | SubmissionSet, issues: Issue[]): string | undefined {
  const at = holder.patientId
  if (!at || at.value === undefined) {
    issues.push(problem(RULE, REQUIREMENT, 'required', `${holder.label} : le patient n'est pas désigné (patientId absent)`, at ?? { path: holder.path }))
    return undefined
  }
  if (!isPatientRef(at.value)) {
    issues.push(problem(RULE, REQUIREMENT, 'value', `${holder.label} : « ${at.value.raw} » ne désigne pas le patient par son INS (attendu ${at.value.expected})`, at))
    return undefined
  }
  const { oid, value } = at.value
  if (!isInsAuthorityOid(oid)) {
    const known = Object.entries(INS_AUTHORITY_OIDS).map(([o, label]) => `${o} (${label})`).join(', ')
    issues.push(problem(RULE, REQUIREMENT, 'code-invalid', `${holder.label} : l'OID « ${oid} » n'est pas une autorité INS ; attendu l'un de ${known}`, at))
  }
  const format = insFormatProblem(value)
  if (format) issues.push(problem(RULE, REQUIREMENT, 'value', `${holder.label} : ${format}`, at))
  return `${oid}|${value}`
}
