import type { Issue } from '../../core/issue.ts'
import type { CdaHeaderInfo } from '../cda/index.ts'
import type { DocumentEntry } from './model.ts'

const RULE = 'xds/replacement'
const REQUIREMENT = 'DMP-010'

/**
 * An RPLC association (ITI-41) targets a document the registry holds, and the new version's CDA
 * declares the same document in relatedDocument (RPLC).
 */
export function checkRplcAssociation(entry: DocumentEntry, targetEntryUuid: string, replacedUniqueId: string | undefined, header: CdaHeaderInfo | undefined): Issue[] {
  const path = `Association[@associationType='urn:ihe:iti:2007:AssociationType:RPLC'][@sourceObject='${entry.entryUuid ?? ''}']`
  const report = (message: string, at = path): Issue => ({ severity: 'error', code: 'invariant', rule: RULE, requirement: REQUIREMENT, message, location: { path: at } })
  if (!replacedUniqueId) return [report(`${entry.label} : l'association RPLC désigne l'entryUUID ${targetEntryUuid}, inconnu du registre (le relire par ITI-18 avant de remplacer)`)]
  const related = header?.relatedDocument
  if (!related || related.typeCode !== 'RPLC') return [report(`${entry.label} : le CDA de la nouvelle version n'a pas de relatedDocument de type RPLC`, 'ClinicalDocument/relatedDocument')]
  if (related.parentId?.root !== replacedUniqueId) return [report(`${entry.label} : relatedDocument/parentDocument/id du CDA vaut ${related.parentId?.root ?? '(absent)'}, l'association RPLC remplace le document ${replacedUniqueId}`, 'ClinicalDocument/relatedDocument/parentDocument/id')]
  return []
}
