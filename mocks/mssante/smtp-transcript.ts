/**
 * What was said on each SMTP connection, taken from smtp-server's log (its only view of every
 * command and reply, including the errors it answers by itself: 503 out of sequence, 421 too
 * many bad commands, line too long...). Sessions that went wrong are recorded from it, so no
 * refused traffic is lost; their summary says in French why the server refused.
 */
export class SmtpTranscripts {
  readonly #lines = new Map<string, string[]>()

  /** A bunyan-style logger for smtp-server's `logger` option; keeps only `C:` and `S:` lines. */
  readonly logger = Object.fromEntries(
    ['trace', 'debug', 'info', 'warn', 'error', 'fatal'].map((level) => [
      level,
      (entry: { cid?: string } | undefined, message: unknown, ...args: unknown[]) => {
        if (!entry?.cid || (message !== 'C:' && message !== 'S:')) return
        const lines = this.#lines.get(entry.cid) ?? []
        this.#lines.set(entry.cid, lines)
        // A command line may be huge (refused for its length): keep its start only.
        if (lines.length < MAX_LINES) lines.push(`${message} ${String(args[0] ?? '').slice(0, MAX_LINE)}`)
      },
    ]),
  )

  /** The lines of a connection, forgotten afterwards. */
  take(cid: string): readonly string[] {
    const lines = this.#lines.get(cid) ?? []
    this.#lines.delete(cid)
    return lines
  }
}

const MAX_LINES = 500
const MAX_LINE = 200

/** The refusals of a transcript (server replies 4xx/5xx), explained in French; empty when none. */
export function refusalsOf(lines: readonly string[]): string[] {
  return lines.filter((line) => /^S: [45]\d\d/.test(line)).map((line) => `${line.slice(3, 6)} ${explain(line.slice(3))} (« ${line.slice(3)} »)`)
}

function explain(reply: string): string {
  const code = reply.slice(0, 3)
  if (code === '421') {
    if (/talk too soon/i.test(reply)) return 'session coupée par l\'opérateur : client trop pressé (commandes envoyées avant la bannière)'
    if (/line too long/i.test(reply)) return 'session coupée par l\'opérateur : ligne de commande trop longue'
    if (/timeout/i.test(reply)) return 'session coupée par l\'opérateur : délai d\'inactivité dépassé'
    return 'session coupée par l\'opérateur'
  }
  return EXPLANATIONS[code] ?? 'refus de l\'opérateur'
}

const EXPLANATIONS: Readonly<Record<string, string>> = {
  '500': 'commande inconnue',
  '501': 'syntaxe invalide',
  '502': 'commande non prise en charge',
  '503': 'commande hors séquence',
  '530': 'authentification requise',
  '535': 'authentification refusée',
  '538': 'STARTTLS obligatoire avant AUTH',
  '550': 'adresse refusée',
  '552': 'message trop volumineux',
  '554': 'transaction refusée',
}
