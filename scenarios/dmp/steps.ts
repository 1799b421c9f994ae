import { step, type Issue, type StepDefinition } from '../../harness/index.ts'
import type { TestIdentity } from '../fixtures/identities.ts'

/** Shares a document (state key) through PDSm or XDS.b and requires the DMP to have accepted it. */
export function shareDocument(usager: TestIdentity, transport: 'pdsm' | 'xds', key = 'documentId'): StepDefinition {
  const transaction = transport === 'pdsm' ? 'ITI-65' : 'ITI-41'
  return step(`le DUI partage le document dans le DMP (${transaction})`, {
    id: `share-${key === 'documentId' ? 'document' : key}`,
    verifies: [],
    async run(ctx) {
      const shared = await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get(key), transport }, { tolerateFailure: true })
      const exchange = await ctx.expectTraffic(
        `aucune transaction ${transaction} reçue par le DMP pour l'INS ${usager.ins.value}${shared.ok ? '' : ` (le DUI signale : ${shared.error})`}`,
        (signal) => ctx.mocks.dmp.next(transaction, usager.ins.value, signal),
      )
      ctx.check(issuesOf(exchange), `la transaction ${transaction} n'est pas conforme`)
      if (exchange.meta['accepted'] !== true) ctx.fail(`le DMP n'a pas accepté le document (${transaction})`)
      if (!shared.ok) ctx.fail(`le DMP a accepté le document mais le DUI signale un échec : ${shared.error}`)
      ctx.state.set(`${key}:uniqueId`, (exchange.meta['stored'] as string[] | undefined)?.[0])
    },
  })
}

/** The findings a DMP handler recorded with an exchange. */
export function issuesOf(exchange: { meta: Record<string, unknown> }): readonly Issue[] {
  return (exchange.meta['issues'] ?? []) as readonly Issue[]
}

/** The CDA documents an ITI-65 request carries: its Binary resources, decoded (none if unreadable). */
export function bundleDocuments(exchange: { request: { body: Buffer } }): Buffer[] {
  let bundle: unknown
  try {
    bundle = JSON.parse(exchange.request.body.toString('utf8'))
  } catch {
    return []
  }
  const entries = (bundle as { entry?: { resource?: { resourceType?: string; data?: unknown } }[] } | null)?.entry
  if (!Array.isArray(entries)) return []
  return entries
    .flatMap((entry) => (entry?.resource?.resourceType === 'Binary' && typeof entry.resource.data === 'string' ? [Buffer.from(entry.resource.data, 'base64')] : []))
    .filter((bytes) => bytes.subarray(0, 200).toString('utf8').trimStart().startsWith('<'))
}
