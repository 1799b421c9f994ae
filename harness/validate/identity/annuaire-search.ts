import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'

const RULE = 'annuaire/fhir-search'
const REQUIREMENT = 'ANN-001'

/** The resource types of the Annuaire Santé a correspondent is searched in. */
const SEARCHABLE = ['Practitioner', 'PractitionerRole', 'Organization'] as const

/** One request the DUI sent to the Annuaire simulator. */
export interface AnnuaireRequestContext {
  readonly method: string
  /** Path below the FHIR base, e.g. `/Practitioner`. */
  readonly path: string
  readonly query: URLSearchParams
  readonly evidence?: string
}

/**
 * A real-time unit call to the Annuaire FHIR API: a FHIR search (GET) on Practitioner,
 * PractitionerRole or Organization with at least one search criterion (no bulk download).
 */
export const annuaireSearchRule: ValidationRule<AnnuaireRequestContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Appel unitaire à l\'API FHIR de l\'Annuaire Santé : recherche Practitioner, PractitionerRole ou Organization avec critères',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    const problem = (message: string, code: Issue['code']) =>
      issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path: `${ctx.method} ${ctx.path}` }, ...(ctx.evidence ? { evidence: ctx.evidence } : {}) })
    const type = ctx.path.replace(/^\//, '').split('/')[0] ?? ''
    if (ctx.method !== 'GET') problem(`méthode ${ctx.method} : une recherche FHIR GET est attendue`, 'value')
    if (!(SEARCHABLE as readonly string[]).includes(type)) problem(`ressource « ${type} » : la recherche d'un correspondant porte sur ${SEARCHABLE.join(', ')}`, 'not-supported')
    if (isBulkSearch(ctx.path, ctx.query)) problem('recherche sans critère : l\'appel doit viser le correspondant (identifiant, nom…), pas tout l\'annuaire', 'too-costly')
    return issues
  },
}

/**
 * A search of a whole resource type: no criterion, only result parameters (`_count`, `_include`…).
 * `_id` is a criterion; a read (`/{type}/{id}`) is not a search.
 */
export function isBulkSearch(path: string, query: URLSearchParams): boolean {
  const isRead = path.split('/').filter(Boolean).length === 2
  return !isRead && ![...query.keys()].some((name) => !name.startsWith('_') || name === '_id')
}
