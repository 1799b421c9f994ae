import { annuaireSearchRule, normalizeTrait } from '../../harness/validate/identity/index.ts'
import type { MockRequest } from '../http/exchange.ts'
import type { HandlerResult, MockHandler } from '../http/handler.ts'
import { handlerFor } from '../http/handler.ts'
import { ANNUAIRE_ORGANIZATIONS, ANNUAIRE_PRACTITIONER_ROLES, ANNUAIRE_PRACTITIONERS } from './fixtures.ts'

const FHIR_JSON = { 'content-type': 'application/fhir+json; charset=utf-8' }
type Resource = fhir4.Practitioner | fhir4.PractitionerRole | fhir4.Organization

/** Search parameters the simulator understands, per resource type (others get a 400). */
const SUPPORTED: Record<string, readonly string[]> = {
  Practitioner: ['_id', 'identifier', 'family', 'given', 'name', 'active'],
  PractitionerRole: ['_id', 'practitioner', 'organization', 'active', '_include'],
  Organization: ['_id', 'identifier', 'name', 'active'],
}

/** The resources of one type, from the fixtures. */
function resourcesOf(type: string): readonly Resource[] {
  if (type === 'Practitioner') return ANNUAIRE_PRACTITIONERS
  if (type === 'PractitionerRole') return ANNUAIRE_PRACTITIONER_ROLES
  if (type === 'Organization') return ANNUAIRE_ORGANIZATIONS
  return []
}

function matches(resource: Resource, name: string, value: string): boolean {
  const wanted = normalizeTrait(value)
  switch (name) {
    case '_id':
      return resource.id === value
    case 'active':
      return String((resource as { active?: boolean }).active ?? true) === value
    case 'identifier': {
      const [system, code] = value.includes('|') ? value.split('|', 2) : [undefined, value]
      return ((resource as fhir4.Practitioner).identifier ?? []).some((id) => id.value === code && (system === undefined || system === '' || id.system === system))
    }
    case 'family':
      return ((resource as fhir4.Practitioner).name ?? []).some((n) => normalizeTrait(n.family ?? '').startsWith(wanted))
    case 'given':
      return ((resource as fhir4.Practitioner).name ?? []).some((n) => (n.given ?? []).some((g) => normalizeTrait(g).startsWith(wanted)))
    case 'name':
      if (resource.resourceType === 'Organization') return normalizeTrait(resource.name ?? '').includes(wanted)
      return ((resource as fhir4.Practitioner).name ?? []).some((n) => normalizeTrait([n.family, ...(n.given ?? [])].join(' ')).includes(wanted))
    case 'practitioner':
      return (resource as fhir4.PractitionerRole).practitioner?.reference?.endsWith(value.replace(/^Practitioner\//, '')) ?? false
    case 'organization':
      return (resource as fhir4.PractitionerRole).organization?.reference?.endsWith(value.replace(/^Organization\//, '')) ?? false
    default:
      return true
  }
}

function outcome(status: number, code: string, diagnostics: string): HandlerResult {
  return { status, headers: FHIR_JSON, body: JSON.stringify({ resourceType: 'OperationOutcome', issue: [{ severity: 'error', code, diagnostics }] }) }
}

/** FHIR search `GET [base]/{type}?…` and read `GET [base]/{type}/{id}`, from the fixtures. */
function search(request: MockRequest): HandlerResult {
  const [type = '', id] = request.path.split('/').filter(Boolean)
  const issues = annuaireSearchRule.check({ method: request.method, path: request.path, query: request.query })
  const meta = { issues, resourceType: type }
  if (!SUPPORTED[type]) return { ...outcome(404, 'not-supported', `type de ressource non servi par le simulateur de l'Annuaire : ${type}`), meta }
  const all = resourcesOf(type)
  if (id) {
    const found = all.find((resource) => resource.id === id)
    return found ? { status: 200, headers: FHIR_JSON, body: JSON.stringify(found), meta } : { ...outcome(404, 'not-found', `${type}/${id} introuvable`), meta }
  }
  const unknown = [...request.query.keys()].filter((name) => !SUPPORTED[type]!.includes(name) && !['_format', '_count'].includes(name))
  if (unknown.length > 0) return { ...outcome(400, 'not-supported', `paramètre(s) de recherche non pris en charge par le simulateur : ${unknown.join(', ')}`), meta }
  const criteria = [...request.query.entries()].filter(([name]) => !name.startsWith('_') || name === '_id')
  const hits = all.filter((resource) => criteria.every(([name, value]) => matches(resource, name, value)))
  const included = request.query.getAll('_include').flatMap((include) => includedFor(hits, include))
  const bundle: fhir4.Bundle = {
    resourceType: 'Bundle',
    type: 'searchset',
    total: hits.length,
    entry: [
      ...hits.map((resource) => ({ fullUrl: `${type}/${resource.id}`, resource, search: { mode: 'match' as const } })),
      ...included.map((resource) => ({ fullUrl: `${resource.resourceType}/${resource.id}`, resource, search: { mode: 'include' as const } })),
    ],
  }
  return { status: 200, headers: FHIR_JSON, body: JSON.stringify(bundle), meta: { ...meta, matches: hits.map((resource) => resource.id) } }
}

function includedFor(hits: readonly Resource[], include: string): Resource[] {
  const roles = hits.filter((hit): hit is fhir4.PractitionerRole => hit.resourceType === 'PractitionerRole')
  const refs = include === 'PractitionerRole:practitioner' ? roles.map((role) => role.practitioner?.reference) : include === 'PractitionerRole:organization' ? roles.map((role) => role.organization?.reference) : []
  return refs.flatMap((ref) => {
    const [type, id] = (ref ?? '').split('/')
    const found = resourcesOf(type ?? '').find((resource) => resource.id === id)
    return found ? [found] : []
  })
}

export function annuaireSearch(): MockHandler {
  return handlerFor.get('annuaire.search', /^\/[A-Za-z]+(?:\/[A-Za-z0-9.-]+)?$/, search)
}
