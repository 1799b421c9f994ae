import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'
import { IDENTITY_STATUSES, isIdentityStatus, statusAfter, type IdentityEvent, type IdentityStatus } from './status.ts'

const RULE = 'identity/status-after-event'
const REQUIREMENT = 'INS-001'

/** What the DUI reported about an identity after an event the harness made happen. */
export interface StatusReportContext {
  readonly previous: IdentityStatus
  readonly event: IdentityEvent
  /** The `status` the DUI returned; anything, as received. */
  readonly reported: unknown
  /** Where the value was read, e.g. `result.status`. */
  readonly path: string
  readonly evidence?: string
}

const EVENT_LABELS: Record<IdentityEvent, string> = {
  'insi-found': 'l\'INSi a renvoyé l\'INS (CR 00)',
  'id-document-checked': 'une pièce d\'identité à haut niveau de confiance a été contrôlée',
}

/**
 * The DUI gives the identity one of the four RNIV statuses, and the right one: RECUP after the
 * INSi alone, QUAL only once the INSi answer and a high-trust ID document are both there.
 */
export const identityStatusRule: ValidationRule<StatusReportContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le DUI attribue le bon statut RNIV (PROV, RECUP, VALI, QUAL) après chaque événement',
  appliesTo: () => true,
  check(ctx) {
    const expected = statusAfter(ctx.previous, ctx.event)
    const base = { rule: RULE, requirement: REQUIREMENT, location: { path: ctx.path }, ...(ctx.evidence ? { evidence: ctx.evidence } : {}) }
    if (!isIdentityStatus(ctx.reported)) {
      const known = Object.keys(IDENTITY_STATUSES).join(', ')
      return [{ ...base, severity: 'error', code: 'code-invalid', message: `statut d'identité « ${String(ctx.reported)} » inconnu : le DUI doit attribuer l'un des quatre statuts ${known}`, params: { reported: ctx.reported } }]
    }
    if (ctx.reported === expected) return []
    const issue: Issue = {
      ...base,
      severity: 'error',
      code: 'value',
      message: `statut ${ctx.reported} après « ${EVENT_LABELS[ctx.event]} » (statut précédent ${ctx.previous}) ; attendu ${expected} : ${IDENTITY_STATUSES[expected]}`,
      params: { previous: ctx.previous, event: ctx.event, expected, reported: ctx.reported },
    }
    return [issue]
  },
}
