import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { asArray, entryPath, isJson, type BundleEntry, type ProvideBundleContext } from './context.ts'

const RULE = 'mhd/unique-id-oid'
const REQUIREMENT = 'DMP-004'
const OID_URN = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/

/**
 * The uniqueId of each document (masterIdentifier) and of the submission set (identifier with
 * use official) is a universal identifier: an OID written `urn:oid:…` (2.25.<UUID> included),
 * and no two distinct objects share one.
 */
export const uniqueIdRule: ValidationRule<ProvideBundleContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Les identifiants uniques du document et du lot sont des OID (urn:oid:…) distincts',
  appliesTo: (ctx) => ctx.documentReferences.length + ctx.submissionSets.length > 0,
  check(ctx) {
    const issues: Issue[] = []
    const used = new Map<string, string>()
    const checkOne = (value: unknown, path: string, what: string) => {
      if (typeof value !== 'string') {
        issues.push({ severity: 'error', code: 'required', rule: RULE, requirement: REQUIREMENT, message: `${what} : identifiant unique absent`, location: { path } })
        return
      }
      if (!OID_URN.test(value)) {
        issues.push({ severity: 'error', code: 'value', rule: RULE, requirement: REQUIREMENT, message: `${what} : « ${value} » n'est pas un OID universel (attendu urn:oid:<racine>.<n>, ou urn:oid:2.25.<UUID en décimal>)`, location: { path } })
      }
      const previous = used.get(value)
      if (previous) issues.push({ severity: 'error', code: 'invariant', rule: RULE, requirement: REQUIREMENT, message: `${what} : l'identifiant ${value} est déjà utilisé par ${previous}`, location: { path } })
      used.set(value, path)
    }
    for (const doc of ctx.documentReferences) {
      const master = doc.resource['masterIdentifier']
      checkOne(isJson(master) ? master['value'] : undefined, entryPath(doc, '.masterIdentifier.value'), 'fiche (masterIdentifier)')
    }
    for (const list of ctx.submissionSets) checkOne(submissionSetUniqueId(list), entryPath(list, '.identifier'), 'lot de soumission (identifier)')
    return issues
  },
}

/** MHD: the SubmissionSet uniqueId is the identifier with use `official` (or the only one). */
function submissionSetUniqueId(list: BundleEntry): unknown {
  const identifiers = asArray(list.resource['identifier']).filter(isJson)
  const official = identifiers.find((identifier) => identifier['use'] === 'official') ?? (identifiers.length === 1 ? identifiers[0] : undefined)
  return official?.['value']
}
