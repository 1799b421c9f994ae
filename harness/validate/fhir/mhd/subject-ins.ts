import type { Issue } from '../../../core/issue.ts'
import { INS_AUTHORITY_OIDS, insFormatProblem, isInsAuthorityOid } from '../../identity/ins.ts'
import type { ValidationRule } from '../../rule.ts'
import { entryPath, isJson, type BundleEntry, type ProvideBundleContext } from './context.ts'

const RULE = 'mhd/subject-ins'
const REQUIREMENT = 'DMP-002'

/** `Patient?identifier=urn:oid:<oid>|<value>`: how PDSm4DMP designates the patient by INS. */
const CONDITIONAL = /^Patient\?identifier=urn:oid:([0-9.]+)\|([0-9AB]+)$/

export interface SubjectIns {
  readonly oid: string
  readonly value: string
}

/** Reads the INS a subject reference designates, if it designates one by identifier. */
export function subjectIns(resource: Record<string, unknown>): SubjectIns | undefined {
  const subject = resource['subject']
  if (!isJson(subject)) return undefined
  if (typeof subject['reference'] === 'string') {
    const match = CONDITIONAL.exec(subject['reference'])
    if (match?.[1] && match[2]) return { oid: match[1], value: match[2] }
  }
  const identifier = subject['identifier']
  if (isJson(identifier) && typeof identifier['system'] === 'string' && typeof identifier['value'] === 'string') {
    return { oid: identifier['system'].replace(/^urn:oid:/, ''), value: identifier['value'] }
  }
  return undefined
}

/**
 * The patient of the submission set and of every document is designated by its INS: the
 * identifier system is an INS authority OID, the matricule is well formed with a valid key,
 * and every resource designates the same INS.
 */
export const subjectInsRule: ValidationRule<ProvideBundleContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le patient est désigné par son INS (OID d\'autorité INS, matricule et clé valides), le même partout',
  appliesTo: (ctx) => ctx.submissionSets.length + ctx.documentReferences.length > 0,
  check(ctx) {
    const issues: Issue[] = []
    const seen = new Map<string, string>()
    for (const entry of [...ctx.submissionSets, ...ctx.documentReferences]) {
      const found = checkSubject(entry, issues)
      if (found) seen.set(`${found.oid}|${found.value}`, entryPath(entry, '.subject'))
    }
    if (seen.size > 1) {
      issues.push({
        severity: 'error',
        code: 'invariant',
        rule: RULE,
        requirement: REQUIREMENT,
        message: `le lot désigne plusieurs patients (${[...seen.keys()].join(', ')}) : un seul patient par lot`,
        location: { path: [...seen.values()].join(' ; ') },
      })
    }
    return issues
  },
}

function checkSubject(entry: BundleEntry, issues: Issue[]): SubjectIns | undefined {
  const path = entryPath(entry, '.subject')
  const report = (message: string, code: Issue['code']) => issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path } })
  const ins = subjectIns(entry.resource)
  if (!ins) {
    report(`${String(entry.resource['resourceType'])}.subject ne désigne pas le patient par son INS (attendu Patient?identifier=urn:oid:<OID INS>|<matricule>)`, 'required')
    return undefined
  }
  if (!isInsAuthorityOid(ins.oid)) {
    const known = Object.entries(INS_AUTHORITY_OIDS).map(([oid, label]) => `${oid} (${label})`).join(', ')
    report(`le système d'identification « urn:oid:${ins.oid} » n'est pas une autorité INS ; attendu l'un de ${known}`, 'code-invalid')
  }
  const format = insFormatProblem(ins.value)
  if (format) report(format, 'value')
  return ins
}
