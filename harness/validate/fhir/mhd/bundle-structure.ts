import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { asArray, entryPath, findBinary, isJson, type ProvideBundleContext } from './context.ts'

const RULE = 'mhd/iti65-bundle-structure'
const REQUIREMENT = 'DMP-001'

/**
 * ITI-65 (IHE MHD, PDSm): a transaction Bundle holding one SubmissionSet List, at least one
 * DocumentReference listed in it, and each document's content as a Binary of the same bundle;
 * every entry is a POST with a fullUrl.
 */
export const bundleStructure: ValidationRule<ProvideBundleContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Structure du Bundle ITI-65 : transaction, un lot de soumission, des fiches et leurs documents',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    const problem = (message: string, path: string, code: Issue['code'] = 'structure') =>
      issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path } })

    if (ctx.bundle['resourceType'] !== 'Bundle') problem(`la ressource envoyée est « ${String(ctx.bundle['resourceType'])} », un Bundle est attendu`, 'Bundle.resourceType')
    if (ctx.bundle['type'] !== 'transaction') problem(`Bundle.type vaut « ${String(ctx.bundle['type'])} », « transaction » est attendu (ITI-65)`, 'Bundle.type', 'value')
    if (ctx.entries.length === 0) problem('le Bundle ne contient aucune entrée', 'Bundle.entry', 'required')
    for (const entry of ctx.entries) {
      if (!entry.fullUrl) problem(`l'entrée ${entry.index} n'a pas de fullUrl`, `Bundle.entry[${entry.index}].fullUrl`, 'required')
      if (entry.request?.['method'] !== 'POST') problem(`l'entrée ${entry.index} doit être une requête POST`, `Bundle.entry[${entry.index}].request.method`, 'value')
    }
    if (ctx.submissionSets.length !== 1) {
      problem(`le Bundle contient ${ctx.submissionSets.length} lot(s) de soumission (List code « submissionset »), exactement un est attendu`, 'Bundle.entry.resource.ofType(List)', 'required')
    }
    if (ctx.documentReferences.length === 0) problem('le Bundle ne contient aucune fiche DocumentReference', 'Bundle.entry.resource.ofType(DocumentReference)', 'required')

    const listed = new Set(
      ctx.submissionSets.flatMap((list) => asArray(list.resource['entry']).map((item) => (isJson(item) && isJson(item['item']) ? item['item']['reference'] : undefined))),
    )
    for (const doc of ctx.documentReferences) {
      if (ctx.submissionSets.length === 1 && !listed.has(doc.fullUrl)) problem(`la fiche ${doc.fullUrl ?? doc.index} n'est pas référencée par le lot de soumission`, entryPath(doc), 'invariant')
      asArray(doc.resource['content']).forEach((content, i) => {
        const attachment = isJson(content) ? content['attachment'] : undefined
        if (!isJson(attachment)) return problem('content.attachment est absent', entryPath(doc, `.content[${i}].attachment`), 'required')
        if (!findBinary(ctx, attachment['url'])) {
          problem(`attachment.url « ${String(attachment['url'])} » ne désigne aucun Binary du Bundle`, entryPath(doc, `.content[${i}].attachment.url`), 'invariant')
        }
      })
      if (asArray(doc.resource['content']).length === 0) problem('la fiche n\'a pas de content', entryPath(doc, '.content'), 'required')
    }
    return issues
  },
}
