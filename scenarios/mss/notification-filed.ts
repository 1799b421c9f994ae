import type { StepContext } from '../../harness/index.ts'

/** Asks the DUI to read its mailbox and checks it linked the `kind` notification to `original`. */
export async function notificationFiled(ctx: StepContext, kind: 'mdn' | 'bounce', original: string): Promise<void> {
  const label = kind === 'mdn' ? 'l\'accusé de traitement' : 'l\'avis de non-remise'
  const fetched = await ctx.trigger('mssante.fetch', {}, { tolerateFailure: true })
  await ctx.expectTraffic(`le DUI n'a pas lu ${label} par IMAP${fetched.ok ? '' : ` (le DUI signale : ${fetched.error})`}`, (signal) =>
    ctx.mocks.mssante.mailbox.fetches.next(() => true, signal),
  )
  if (!fetched.ok) ctx.fail(`le DUI signale un échec de la relève : ${fetched.error}`)
  const entries = (Array.isArray(fetched.result['messages']) ? fetched.result['messages'] : []) as { kind?: string; originalMessageId?: string }[]
  if (!entries.some((entry) => entry.kind === kind && entry.originalMessageId === original)) {
    ctx.check([{ severity: 'error', code: 'not-found', rule: 'mss/notification-linked', requirement: 'MSS-011', message: `le DUI ne rattache pas ${label} au message envoyé ${original}` }], `${label} n'est pas rattaché au message d'origine`)
  }
}
