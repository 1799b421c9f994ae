import type { Issue } from '../../../core/issue.ts'
import { asArray, buildContext, entryPath, isJson, type Json } from './context.ts'

const RULE = 'mhd/replacement'
const REQUIREMENT = 'DMP-010'

/**
 * A new version sent by ITI-65 declares the one it replaces: DocumentReference.relatesTo with
 * code `replaces` targeting the previous uniqueId, and the CDA's relatedDocument (RPLC) naming
 * the same document.
 */
export function checkReplacement(bundle: Record<string, unknown>, replacedUniqueId: string, cdaRelatedDocument: { typeCode?: string; parentRoot?: string } | undefined): Issue[] {
  const issues: Issue[] = []
  const report = (message: string, path: string) => issues.push({ severity: 'error', code: 'invariant', rule: RULE, requirement: REQUIREMENT, message, location: { path } })
  const documents = buildContext(bundle).documentReferences
  for (const doc of documents) {
    const targets = replacedUniqueIds(doc.resource)
    if (targets.length === 0) report(`la nouvelle version ne déclare pas remplacer le document ${replacedUniqueId} (relatesTo de code « replaces » absent) : les deux versions resteraient actives dans le DMP`, entryPath(doc, '.relatesTo'))
    else if (!targets.includes(replacedUniqueId)) report(`relatesTo « replaces » désigne ${targets.join(', ')}, la version remplacée est ${replacedUniqueId}`, entryPath(doc, '.relatesTo'))
  }
  if (!cdaRelatedDocument || cdaRelatedDocument.typeCode !== 'RPLC') report('l\'en-tête CDA de la nouvelle version n\'a pas de relatedDocument de type RPLC', 'ClinicalDocument/relatedDocument')
  else if (cdaRelatedDocument.parentRoot !== replacedUniqueId) report(`relatedDocument/parentDocument/id du CDA vaut ${cdaRelatedDocument.parentRoot ?? '(absent)'}, la version remplacée est ${replacedUniqueId}`, 'ClinicalDocument/relatedDocument/parentDocument/id')
  return issues
}

/** uniqueIds (without `urn:oid:`) a DocumentReference declares it replaces (relatesTo code `replaces`). */
export function replacedUniqueIds(documentReference: Json): string[] {
  return asArray(documentReference['relatesTo']).flatMap((relation) => {
    if (!isJson(relation) || relation['code'] !== 'replaces' || !isJson(relation['target'])) return []
    const identifier = relation['target']['identifier']
    return isJson(identifier) && typeof identifier['value'] === 'string' ? [identifier['value'].replace(/^urn:oid:/, '')] : []
  })
}
