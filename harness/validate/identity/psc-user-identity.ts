import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'

const RULE = 'psc/user-identity'
const REQUIREMENT = 'PSC-003'

/** The professional the simulator authenticated, and what the DUI says it logged in. */
export interface PscUserContext {
  readonly expected: { readonly nationalId: string; readonly familyName: string; readonly givenName: string }
  /** `result` of `psc.login`, as received. */
  readonly result: Readonly<Record<string, unknown>>
  readonly evidence?: string
}

/**
 * The DUI identifies the user from the PSC userinfo: national id (SubjectNameID, RPPS-based or
 * not, e.g. a médico-social professional), family and given names.
 */
export const pscUserIdentityRule: ValidationRule<PscUserContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Le DUI identifie l\'utilisateur par les informations Pro Santé Connect (SubjectNameID, nom, prénom)',
  appliesTo: () => true,
  check({ expected, result, evidence }) {
    const issues: Issue[] = []
    const compare = (field: 'nationalId' | 'familyName' | 'givenName', label: string) => {
      const value = result[field]
      if (value === expected[field]) return
      issues.push({
        severity: 'error',
        code: value === undefined ? 'required' : 'value',
        rule: RULE,
        requirement: REQUIREMENT,
        message: `${label} : le DUI indique « ${String(value ?? '(absent)')} », Pro Santé Connect a transmis « ${expected[field]} »`,
        location: { path: `result.${field}` },
        ...(evidence ? { evidence } : {}),
      })
    }
    compare('nationalId', 'identifiant national (SubjectNameID)')
    compare('familyName', 'nom d\'exercice')
    compare('givenName', 'prénom d\'exercice')
    return issues
  },
}
