import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'
import type { IdentityStatus } from './status.ts'

const RULE = 'identity/insi-no-match-handling'
const REQUIREMENT = 'INS-003'

/** The INSi return codes (brief §7). */
export type InsiCode = '00' | '01' | '02'

export const INSI_CODE_LABELS: Record<InsiCode, string> = {
  '00': 'OK',
  '01': 'Aucune identite trouvee',
  '02': 'Plusieurs identites trouvees',
}

/** What the DUI must tell its user for each return code (`result.outcome`). */
export const EXPECTED_OUTCOME: Record<InsiCode, string> = { '00': 'found', '01': 'not-found', '02': 'multiple' }

/** The DUI's answer to `identity.fetch-ins`, next to what the INSi simulator answered. */
export interface InsiOutcomeContext {
  readonly code: InsiCode
  readonly previous: IdentityStatus
  /** `result` of the action, as received. */
  readonly result: Readonly<Record<string, unknown>>
  readonly evidence?: string
}

/**
 * CR 01 and CR 02 give no INS: the DUI says which case it is (no identity / several
 * identities: refine the traits), attributes no INS and leaves the status as it was.
 */
export const insiNoMatchRule: ValidationRule<InsiOutcomeContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Sur un code retour INSi 01 ou 02, le DUI informe l\'utilisateur et n\'attribue aucun INS',
  appliesTo: (ctx) => ctx.code !== '00',
  check(ctx) {
    const issues: Issue[] = []
    const base = { rule: RULE, requirement: REQUIREMENT, ...(ctx.evidence ? { evidence: ctx.evidence } : {}) }
    const expected = EXPECTED_OUTCOME[ctx.code]
    const outcome = ctx.result['outcome']
    if (outcome !== expected) {
      issues.push({ ...base, severity: 'error', code: 'value', location: { path: 'result.outcome' }, message: `l'INSi a répondu CR ${ctx.code} (« ${INSI_CODE_LABELS[ctx.code]} ») et le DUI signale « ${String(outcome)} » ; attendu « ${expected} »`, params: { code: ctx.code, expected, reported: outcome } })
    }
    if (ctx.result['ins'] !== undefined && ctx.result['ins'] !== null) {
      issues.push({ ...base, severity: 'error', code: 'invariant', location: { path: 'result.ins' }, message: `le DUI attribue un INS (${JSON.stringify(ctx.result['ins'])}) alors que l'INSi a répondu CR ${ctx.code} sans identité` })
    }
    if (ctx.result['status'] !== ctx.previous) {
      issues.push({ ...base, severity: 'error', code: 'value', location: { path: 'result.status' }, message: `le statut de l'identité passe de ${ctx.previous} à ${String(ctx.result['status'])} alors que l'INSi n'a renvoyé aucune identité (CR ${ctx.code})` })
    }
    return issues
  },
}
