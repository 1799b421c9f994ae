import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { findEntry, METADATA_PATH, SUBSET_DIR, xdmIssue, type XdmContext } from '../context.ts'

const RULE = 'xdm/layout'

/** IHE ITI-32 media layout as used in CI-SIS practice: INDEX.HTM, README.TXT, SUBSET01 + documents. */
export const layoutRule: ValidationRule<XdmContext> = {
  id: RULE,
  requirements: ['MSS-006'],
  description: 'L\'archive IHE_XDM contient INDEX.HTM, README.TXT, IHE_XDM/SUBSET01/METADATA.XML et chaque document référencé',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    for (const name of ['INDEX.HTM', 'README.TXT', METADATA_PATH]) {
      if (!findEntry(ctx.entries, name)) issues.push(xdmIssue(RULE, 'MSS-006', 'required', `l'archive IHE_XDM ne contient pas ${name}`, name))
    }
    ctx.metadata?.uris.forEach((uri, index) => {
      const label = ctx.metadata?.submission.entries[index]?.label ?? `fiche ${index + 1}`
      if (!uri) issues.push(xdmIssue(RULE, 'MSS-006', 'required', `${label} : le slot URI (nom du fichier du document) est absent de METADATA.XML`, METADATA_PATH))
      else if (!findEntry(ctx.entries, SUBSET_DIR + uri)) issues.push(xdmIssue(RULE, 'MSS-006', 'not-found', `${label} : le document ${SUBSET_DIR}${uri} référencé par METADATA.XML est absent de l'archive`, SUBSET_DIR + uri))
    })
    if (ctx.metadata && ctx.metadata.submission.entries.length === 0) issues.push(xdmIssue(RULE, 'MSS-006', 'required', 'METADATA.XML ne décrit aucun document (ExtrinsicObject)', METADATA_PATH))
    return issues
  },
}
