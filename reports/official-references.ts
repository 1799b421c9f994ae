import type { RunReport } from '../harness/core/report.ts'

/**
 * Official references (imported grid) of the rows that our given requirements check, in grid
 * order, so a CI viewer shows the official numbering next to ours. Empty without a grid.
 */
export function officialReferencesFor(report: RunReport, requirements: readonly string[]): string[] {
  const ids = new Set(requirements)
  return (report.officialGrid?.rows ?? []).filter((row) => row.requirements.some((id) => ids.has(id))).map((row) => row.reference)
}
