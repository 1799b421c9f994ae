import type { Issue } from '../../../core/issue.ts'
import { INS_AUTHORITY_OIDS, insFormatProblem, isInsAuthorityOid } from '../../identity/ins.ts'
import type { ValidationRule } from '../../rule.ts'
import { isPatientRef, type DocumentEntry, type PatientRef, type SubmissionSet } from '../model.ts'
import { problem, type SubmissionContext } from './context.ts'
import { isUniversalOid } from './unique-id.ts'

const RULE = 'xds/patient-id-ins'
const REQUIREMENT = 'DMP-002'

/** `<identifier>^^^&<OID>&ISO^PI`: a patient designated by the sender's own identifier (IPP). */
const LOCAL_CX = /^([^\^&]+)\^\^\^&([^&^]+)&ISO\^PI$/
const LOCAL_CX_EXPECTED = 'pour une identité non qualifiée <identifiant local>^^^&<OID de l\'émetteur>&ISO^PI'

/**
 * The patient designated by a local identifier (CX.5 PI) under an authority that is not an INS
 * one (an INS is designated with CX.5 NH), or undefined.
 */
export function localPatientId(raw: string): PatientRef | undefined {
  const match = LOCAL_CX.exec(raw.trim())
  if (!match?.[1] || !match[2] || !isUniversalOid(match[2], false) || isInsAuthorityOid(match[2])) return undefined
  return { value: match[1], oid: match[2] }
}

/**
 * DMP: the submission set and every document designate the same patient by INS (an INS
 * authority OID, a well-formed matricule with a valid key). The DMP is fed for qualified
 * identities only, so a local identifier is never enough here.
 */
export const patientIdRule: ValidationRule<SubmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le patient est désigné par son INS (OID d\'autorité INS, matricule et clé valides), le même dans tout le lot',
  appliesTo: (ctx) => ctx.submission.entries.length + ctx.submission.submissionSets.length > 0,
  check: ({ submission }) => samePatientIssues(submission, false),
}

/**
 * MSSanté (IHE_XDM METADATA.XML): the same, except that the patient may be designated by the
 * sender's local identifier (CX.5 PI) instead. A message to a professional may concern an usager
 * whose identity is not qualified, whose INS must not leave the DUI (INS/va1.53); the patient
 * address and the X-MSS-INS header rules see that a local identifier goes no further.
 */
export const patientIdOrLocalRule: ValidationRule<SubmissionContext> = {
  ...patientIdRule,
  description: 'Le patient est désigné par son INS ou, identité non qualifiée, par l\'identifiant local de l\'émetteur (CX.5 PI), le même dans tout le lot',
  check: ({ submission }) => samePatientIssues(submission, true),
}

function samePatientIssues(submission: SubmissionContext['submission'], localAllowed: boolean): Issue[] {
  const issues: Issue[] = []
  const seen = new Map<string, string>()
  for (const holder of [...submission.submissionSets, ...submission.entries]) {
    const key = checkOne(holder, localAllowed, issues)
    if (key && holder.patientId) seen.set(key, holder.patientId.path)
  }
  if (seen.size > 1) {
    issues.push(problem(RULE, REQUIREMENT, 'invariant', `le lot désigne plusieurs patients (${[...seen.keys()].join(', ')}) : un seul patient par lot`, { path: [...seen.values()].join(' ; ') }))
  }
  return issues
}

function checkOne(holder: DocumentEntry | SubmissionSet, localAllowed: boolean, issues: Issue[]): string | undefined {
  const at = holder.patientId
  if (!at || at.value === undefined) {
    issues.push(problem(RULE, REQUIREMENT, 'required', `${holder.label} : le patient n'est pas désigné (patientId absent)`, at ?? { path: holder.path }))
    return undefined
  }
  if (!isPatientRef(at.value)) {
    const local = localAllowed ? localPatientId(at.value.raw) : undefined
    if (local) return `${local.oid}|${local.value}`
    const expected = localAllowed ? `${at.value.expected}, ou ${LOCAL_CX_EXPECTED}` : at.value.expected
    issues.push(problem(RULE, REQUIREMENT, 'value', `${holder.label} : « ${at.value.raw} » ne désigne pas le patient par son INS (attendu ${expected})`, at))
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
