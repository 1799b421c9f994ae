import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import type { Located } from '../model.ts'
import { problem, type SubmissionContext } from './context.ts'

const RULE = 'xds/unique-id-oid'
const REQUIREMENT = 'DMP-004'
const OID = /^[0-2](\.(0|[1-9][0-9]*))+$/

/** A universal OID; with `allowExtension`, also a CDA-derived `root^extension` (document uniqueIds). */
export function isUniversalOid(value: string, allowExtension: boolean): boolean {
  const [root, extension] = value.split('^')
  return root !== undefined && OID.test(root) && (extension === undefined || allowExtension)
}

/**
 * The uniqueId of each document and of the submission set is a universal identifier (an OID,
 * 2.25.<UUID> included; a CDA-derived `root^extension` is accepted for documents) and no two
 * objects share one.
 */
export const uniqueIdRule: ValidationRule<SubmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Les identifiants uniques du document et du lot sont des OID distincts',
  appliesTo: (ctx) => ctx.submission.entries.length + ctx.submission.submissionSets.length > 0,
  check({ submission }) {
    const issues: Issue[] = []
    const used = new Map<string, string>()
    const check = (at: Located<string | undefined> | undefined, label: string, fallbackPath: string, allowExtension: boolean) => {
      if (!at || at.value === undefined) {
        issues.push(problem(RULE, REQUIREMENT, 'required', `${label} : identifiant unique absent`, at ?? { path: fallbackPath }))
        return
      }
      if (!isUniversalOid(at.value, allowExtension)) {
        issues.push(problem(RULE, REQUIREMENT, 'value', `${label} : « ${shown(at.value, submission.transport)} » n'est pas un OID universel (attendu une racine OID propre à l'installation, ou 2.25.<UUID en décimal>)`, at))
      }
      const previous = used.get(at.value)
      if (previous) issues.push(problem(RULE, REQUIREMENT, 'invariant', `${label} : l'identifiant ${shown(at.value, submission.transport)} est déjà utilisé (${previous})`, at))
      used.set(at.value, label)
    }
    for (const entry of submission.entries) check(entry.uniqueId, entry.label, entry.path, true)
    for (const set of submission.submissionSets) check(set.uniqueId, set.label, set.path, false)
    return issues
  },
}

/** FHIR writes OIDs as `urn:oid:…`; show them as sent. */
function shown(value: string, transport: 'fhir' | 'ebrim'): string {
  return transport === 'fhir' && OID.test(value) ? `urn:oid:${value}` : value
}
