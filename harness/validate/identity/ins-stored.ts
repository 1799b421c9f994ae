import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'
import { insFormatProblem } from './ins.ts'
import { traitDifferences, type StrictTraits } from './strict-traits.ts'

const RULE = 'identity/ins-stored-as-returned'
const REQUIREMENT = 'INS-004'

/** What the INSi returned (CR 00) and what the DUI says it stored. */
export interface InsStoredContext {
  readonly returned: { readonly ins: { readonly value: string; readonly oid: string }; readonly traits: StrictTraits }
  /** `result` of `identity.fetch-ins`, as received. */
  readonly result: Readonly<Record<string, unknown>>
  readonly evidence?: string
}

/**
 * After CR 00 the DUI keeps the INS exactly as returned (matricule of 13 characters + key, and
 * the OID that says NIR or NIA) and the strict traits of the INSi (TIQ) — not the traits typed.
 */
export const insStoredRule: ValidationRule<InsStoredContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le DUI enregistre l\'INS (matricule, clé, OID) et les traits stricts tels que renvoyés par l\'INSi',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    const base = { rule: RULE, requirement: REQUIREMENT, ...(ctx.evidence ? { evidence: ctx.evidence } : {}) }
    const ins = ctx.result['ins'] as { value?: unknown; oid?: unknown } | undefined
    const expected = ctx.returned.ins
    if (!ins || typeof ins !== 'object') {
      issues.push({ ...base, severity: 'error', code: 'required', location: { path: 'result.ins' }, message: `le DUI n'a pas enregistré l'INS renvoyé par l'INSi (${expected.value}, OID ${expected.oid})` })
    } else {
      const value = String(ins.value ?? '')
      const format = insFormatProblem(value)
      if (format) issues.push({ ...base, severity: 'error', code: 'value', location: { path: 'result.ins.value' }, message: format })
      else if (value !== expected.value) issues.push({ ...base, severity: 'error', code: 'value', location: { path: 'result.ins.value' }, message: `le DUI a enregistré le matricule ${value}, l'INSi a renvoyé ${expected.value}` })
      if (ins.oid !== expected.oid) issues.push({ ...base, severity: 'error', code: 'value', location: { path: 'result.ins.oid' }, message: `le DUI a enregistré l'OID « ${String(ins.oid)} », l'INSi a renvoyé ${expected.oid} (nature NIR/NIA de l'INS)` })
    }
    const traits = (ctx.result['traits'] ?? {}) as Partial<Record<keyof StrictTraits, string>>
    issues.push(...traitDifferences(ctx.returned.traits, traits, 'l\'identité enregistrée', base, (name) => `result.traits.${name}`))
    return issues
  },
}
