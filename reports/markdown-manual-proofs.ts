import type { RunReport } from '../harness/core/report.ts'
import { COVERAGE_LABELS, LEVEL_LABELS } from './labels.ts'
import { cell } from './markdown-cell.ts'
import { MANUAL_PROOFS_INTRO, manualProofs } from './manual-proofs.ts'

/** The « preuves manuelles attendues » section of summary.md (nothing when the run has none). */
export function manualProofLines(report: RunReport): string[] {
  const proofs = manualProofs(report)
  if (proofs.length === 0) return []
  const lines = ['', '## Preuves manuelles attendues', '', MANUAL_PROOFS_INTRO, '']
  for (const { requirement, proof, steps } of proofs) {
    const ref = requirement.officialRef ? `, réf. officielle ${requirement.officialRef}` : ''
    lines.push(`- **${requirement.id}** — ${cell(requirement.title)} (${LEVEL_LABELS[requirement.level]}${ref}) : ${COVERAGE_LABELS.manual} — ${cell(proof)}`)
    if (steps.length > 0) lines.push(`  - Où regarder : ${steps.map((s) => `\`${s.id}\``).join(', ')}`)
  }
  return lines
}
