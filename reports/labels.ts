import type { CoverageStatus } from '../harness/core/report.ts'
import type { Verdict } from '../harness/core/verdict.ts'

export { VERDICT_LABELS } from '../harness/core/verdict.ts'

/** One-character marks that read well in CI logs. */
export const VERDICT_MARKS: Readonly<Record<Verdict, string>> = {
  pass: '✔',
  fail: '✖',
  error: '‼',
  skip: '↷',
  omit: '○',
  cancel: '■',
  wait: '…',
}

export const COVERAGE_LABELS: Readonly<Record<CoverageStatus, string>> = {
  verified: 'vérifiée',
  failed: 'non conforme',
  error: 'erreur du banc',
  'not-run': 'non exécutée',
  manual: 'preuve manuelle attendue',
}
