import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'

const RULE = 'psc/id-token-rejected'
const REQUIREMENT = 'PSC-002'

/** Deliberately wrong id_tokens the PSC simulator can issue (negative scenarios). */
export type TokenFault = 'acr' | 'audience' | 'nonce'

export const TOKEN_FAULT_LABELS: Record<TokenFault, string> = {
  acr: 'un acr différent de « eidas1 »',
  audience: 'une audience (aud) qui n\'est pas le client_id du DUI',
  nonce: 'un nonce qui n\'est pas celui de la demande d\'autorisation',
}

/** What the DUI answered to `psc.login` when the simulator issued a faulty id_token. */
export interface TokenRejectionContext {
  readonly fault: TokenFault
  readonly accepted: boolean
  /** The DUI's message when it refused. */
  readonly message?: string
  readonly evidence?: string
}

/** The DUI refuses an id_token with the wrong acr, audience or nonce: no session is opened. */
export const pscTokenRejectionRule: ValidationRule<TokenRejectionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le DUI refuse un id_token dont l\'acr, l\'audience ou le nonce ne convient pas',
  appliesTo: () => true,
  check(ctx) {
    if (!ctx.accepted) return []
    return [
      {
        severity: 'error',
        code: 'security',
        rule: RULE,
        requirement: REQUIREMENT,
        message: `le DUI a ouvert une session avec un id_token portant ${TOKEN_FAULT_LABELS[ctx.fault]} ; il doit le refuser`,
        location: { path: 'id_token' },
        ...(ctx.evidence ? { evidence: ctx.evidence } : {}),
        params: { fault: ctx.fault },
      } satisfies Issue,
    ]
  },
}
