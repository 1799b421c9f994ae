import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'

const RULE = 'annuaire/mssante-address'
const REQUIREMENT = 'ANN-002'

/** Extension of the Annuaire Santé IG that marks a telecom as an MSSanté mailbox (BAL). */
export const MAILBOX_MSS_EXTENSION = 'https://interop.esante.gouv.fr/ig/fhir/annuaire/StructureDefinition/as-ext-mailbox-mss-metadata'

interface Telecom {
  readonly system?: string
  readonly value?: string
  readonly extension?: readonly { readonly url?: string }[]
}

/** The MSSanté addresses of an Annuaire resource: telecom emails carrying the mailbox extension. */
export function mssanteMailboxes(resource: { readonly telecom?: readonly Telecom[] }): string[] {
  return (resource.telecom ?? [])
    .filter((telecom) => telecom.system === 'email' && telecom.value && telecom.extension?.some((extension) => extension.url === MAILBOX_MSS_EXTENSION))
    .map((telecom) => telecom.value as string)
}

/** The correspondent the harness asked for, and what the DUI retained. */
export interface MailboxContext {
  readonly expected: string
  /** Other email addresses the directory lists for the correspondent (not MSSanté). */
  readonly otherEmails: readonly string[]
  /** `result.mssanteAddress` of `annuaire.search`, as received. */
  readonly reported: unknown
  readonly evidence?: string
}

/**
 * The DUI takes the correspondent's MSSanté address from the directory entry marked as an
 * MSSanté mailbox, never another email of the same entry.
 */
export const annuaireMailboxRule: ValidationRule<MailboxContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le DUI retient l\'adresse MSSanté du correspondant (BAL marquée dans l\'Annuaire), pas une autre adresse électronique',
  appliesTo: () => true,
  check(ctx) {
    if (ctx.reported === ctx.expected) return []
    const other = typeof ctx.reported === 'string' && ctx.otherEmails.includes(ctx.reported)
    const issue: Issue = {
      severity: 'error',
      code: other ? 'security' : 'value',
      rule: RULE,
      requirement: REQUIREMENT,
      message: other
        ? `le DUI retient « ${String(ctx.reported)} », une adresse électronique hors MSSanté, au lieu de la BAL MSSanté « ${ctx.expected} »`
        : `le DUI retient « ${String(ctx.reported ?? '(aucune)')} » comme adresse MSSanté ; l'Annuaire donne « ${ctx.expected} »`,
      location: { path: 'result.mssanteAddress' },
      ...(ctx.evidence ? { evidence: ctx.evidence } : {}),
    }
    return [issue]
  },
}
