import type { Issue } from '../../harness/core/issue.ts'
import { hasBlockingIssues } from '../../harness/core/issue.ts'
import { INSI_ACTIONS, INSI_NS, insiRequestRule, readInsiRequest, sameTrait, type InsiCode, type InsiSearchTraits } from '../../harness/validate/identity/index.ts'
import type { HandlerResult, MockHandler } from '../http/handler.ts'
import { handlerFor } from '../http/handler.ts'
import { certificateIssue, tlsRefusal } from './client-certificate.ts'
import { INSI_FAULTS, type InsiFault } from './faults.ts'
import { faultEnvelope, resultatEnvelope, SOAP12_CONTENT_TYPE } from './soap-responses.ts'
import { INSI_TEST_IDENTITIES, type InsiTestIdentity } from './test-identities.ts'

/** Meta the INSi handler keeps with each exchange, for scenario steps. */
export interface InsiMeta extends Record<string, unknown> {
  readonly operation?: 'rechercherInsAvecTraitsIdentite' | 'rechercherInsAvecCarteVitale'
  readonly traits?: InsiSearchTraits
  /** Return code answered, when the search was answered. */
  readonly code?: InsiCode
  /** The row answered with (CR 00 carries its INS and TIQ). */
  readonly identity?: InsiTestIdentity
  /** Fault answered instead of a RESULTAT. */
  readonly fault?: InsiFault
  /** Why the client certificate was refused (DESIR_560), with mutual TLS on. */
  readonly certificateRefusal?: string
  readonly issues: readonly Issue[]
}

/**
 * `rechercherInsAvecTraitsIdentite` (SOAP 1.2): CR 00 / 01 / 02 from the test identities, after
 * checking the envelope, the ContexteBAM / ContexteLPS headers and the traits. Anything
 * unreadable gets a documented SOAP fault; the simulator keeps serving.
 */
export function insiSearch(table: readonly InsiTestIdentity[] = INSI_TEST_IDENTITIES, options: { readonly mutualTls?: boolean } = {}): MockHandler {
  return handlerFor.post('insi.search', /^\/?$/, (request): HandlerResult => {
    const read = readInsiRequest(request.body)
    const refused = options.mutualTls ? tlsRefusal(request.tls) : undefined
    if (refused) {
      // Traits kept when readable, so the scenario awaiting this usager sees the DESIR_560.
      return fault('certificate', refused, { ...(read.ok && read.traits ? { traits: read.traits } : {}), certificateRefusal: refused, issues: [certificateIssue(refused)] })
    }
    if (!read.ok) return fault(read.problem, read.reason, { issues: [] })
    const vitale = read.action === INSI_ACTIONS.vitale || (read.operation?.ns === INSI_NS.recVit)
    if (vitale) return fault('vitale', 'la recherche par carte Vitale n\'est pas simulée ; utilisez la recherche par traits (rechercherInsAvecTraitsIdentite)', { operation: 'rechercherInsAvecCarteVitale', issues: [] })
    const issues = insiRequestRule.check(read)
    const meta = { operation: 'rechercherInsAvecTraitsIdentite' as const, ...(read.traits ? { traits: read.traits } : {}), issues }
    if (!read.traits && read.action !== INSI_ACTIONS.traits) return fault('operation', `action « ${read.action ?? '(absente)'} » et corps sans RECSANSVITALE`, meta)
    if (hasBlockingIssues(issues)) {
      const headerIssue = issues.find((issue) => issue.location?.path.startsWith('/Envelope/Header'))
      return fault(headerIssue ? 'context' : 'traits', (headerIssue ?? issues[0])!.message, meta)
    }
    const traits = read.traits!
    const row = table.find(
      (candidate) =>
        sameTrait(candidate.search.birthFamilyName, traits.birthFamilyName ?? '') &&
        sameTrait(candidate.search.firstGivenName, traits.firstGivenName ?? '') &&
        candidate.search.sex === traits.sex &&
        candidate.search.birthDate === traits.birthDate,
    )
    const code: InsiCode = row?.code ?? '01'
    return { status: 200, headers: { 'content-type': SOAP12_CONTENT_TYPE }, body: resultatEnvelope(code, row), meta: { ...meta, code, ...(row ? { identity: row } : {}) } satisfies InsiMeta }
  })
}

function fault(kind: InsiFault, detail: string, meta: InsiMeta): HandlerResult {
  const withFault: InsiMeta = { ...meta, fault: kind }
  return { status: INSI_FAULTS[kind].status, headers: { 'content-type': SOAP12_CONTENT_TYPE }, body: faultEnvelope(kind, detail), meta: withFault }
}
