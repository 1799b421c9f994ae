/**
 * Verdicts in precedence order (DESIGN §4): when results are rolled up, the first one present
 * in this list wins. `cancel` and `wait` only exist while a run is interrupted or in progress.
 */
export const VERDICT_PRECEDENCE = ['cancel', 'wait', 'error', 'fail', 'skip', 'pass', 'omit'] as const

export type Verdict = (typeof VERDICT_PRECEDENCE)[number]

export interface RollUpInput {
  readonly verdict: Verdict
  /** Optional children never fail their parent (unless every child is optional). */
  readonly optional?: boolean
}

/** The one function that combines verdicts. No children at all gives `omit`. */
export function rollUp(children: readonly RollUpInput[]): Verdict {
  const required = children.filter((child) => !child.optional)
  const considered = required.length > 0 ? required : children
  let best: Verdict = 'omit'
  for (const child of considered) {
    if (VERDICT_PRECEDENCE.indexOf(child.verdict) < VERDICT_PRECEDENCE.indexOf(best)) best = child.verdict
  }
  return best
}

/** French labels for human-facing reports. */
export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  cancel: 'annulé',
  wait: 'en attente',
  error: 'erreur',
  fail: 'échec',
  skip: 'non exécuté',
  pass: 'réussi',
  omit: 'sans objet',
}
