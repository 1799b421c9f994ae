import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/single-patient'

/**
 * ECO.2.1.1 [S]: a message carrying health documents concerns one patient only: one INS, and
 * at most one local identifier (an IPP standing for an INS that is not qualified; a CDA header
 * may name both for the same patient).
 */
export const singlePatientRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-001'],
  description: 'Un message porteur de documents concerne un seul patient',
  appliesTo: (ctx) => ctx.kind === 'document' && ctx.xdm.length > 0,
  check(ctx) {
    const issues: Issue[] = []
    const patients = new Set(ctx.xdm.flatMap((xdm) => xdm.patients.map((p) => p.split('|')[1])))
    if (patients.size > 1) issues.push(mimeIssue(RULE, 'MSS-001', 'invariant', `le message concerne ${patients.size} patients (INS ${[...patients].join(', ')}) : un seul patient par message`, '1', 'error', { patients: [...patients] }))
    const locals = new Set(ctx.xdm.flatMap((xdm) => xdm.localPatients))
    if (locals.size > 1) issues.push(mimeIssue(RULE, 'MSS-001', 'invariant', `le message concerne ${locals.size} patients (identifiants locaux ${[...locals].join(', ')}) : un seul patient par message`, '1', 'error', { localPatients: [...locals] }))
    return issues
  },
}
