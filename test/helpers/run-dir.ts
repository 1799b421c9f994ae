import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunReport } from '../../harness/core/report.ts'

/** The one run directory a campaign wrote under `out`, and its report.json. */
export function readOnlyRun(out: string): { dir: string; report: RunReport } {
  const runs = readdirSync(out, { withFileTypes: true }).filter((entry) => entry.isDirectory())
  if (runs.length !== 1) throw new Error(`${out} : une seule campagne attendue, trouvé ${runs.length}`)
  const dir = join(out, runs[0]!.name)
  return { dir, report: JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as RunReport }
}
