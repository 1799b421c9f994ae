import { join } from 'node:path'
import { JsonReporter } from '../../reports/json.ts'
import type { HarnessConfig } from '../config/config.ts'
import { openCandidate } from '../drivers/candidate.ts'
import type { Catalogue } from '../requirements/catalogue.ts'
import { runCampaign } from './campaign.ts'
import type { RunReport } from './report.ts'
import type { ScenarioDefinition } from './scenario.ts'
import type { Verdict } from './verdict.ts'

/** A seeded defect as the self-test sees it: its name and the requirement it must trip. */
export interface DefectSpec {
  readonly name: string
  readonly requirement: string
}

export interface DefectOutcome {
  readonly name: string
  readonly requirement: string
  /** Failed exactly its own requirement: the check can fail, and only where it should. */
  readonly caught: boolean
  /** Requirements the campaign reported failed. */
  readonly failed: readonly string[]
  readonly runDir: string
}

export interface SelftestResult {
  readonly reference: { readonly verdict: Verdict; readonly failed: readonly string[]; readonly runDir: string }
  readonly defects: readonly DefectOutcome[]
  /** Automatic requirements no seeded defect is meant to trip. */
  readonly uncovered: readonly string[]
  /** 0 when the reference passes and every defect is caught by its own requirement, else 3. */
  readonly exitCode: number
}

export interface SelftestOptions {
  readonly config: HarnessConfig
  readonly catalogue: Catalogue
  readonly scenarios: readonly ScenarioDefinition[]
  readonly defects: readonly DefectSpec[]
  /** Campaigns run at once; each starts its own simulators and reference DUI process. */
  readonly concurrency: number
  readonly signal: AbortSignal
  readonly onDefect?: (outcome: DefectOutcome) => void
}

/**
 * The kill matrix: the reference DUI must pass every scenario, and each seeded defect must make
 * its own requirement fail and no other.
 */
export async function runSelftest(options: SelftestOptions): Promise<SelftestResult> {
  const campaign = async (name: string, candidate: string): Promise<{ report: RunReport; runDir: string }> =>
    runCampaign({
      config: { ...options.config, candidate, out: join(options.config.out, name) },
      catalogue: options.catalogue,
      scenarios: options.scenarios,
      openDriver: () => openCandidate(candidate),
      reporters: (dir) => [new JsonReporter(dir)],
      signal: options.signal,
    })
  const failedIn = (report: RunReport) => report.coverage.filter((item) => item.status === 'failed').map((item) => item.id)

  const reference = await campaign('reference', 'reference')
  const outcomes = await mapPool(options.defects, options.concurrency, async (defect) => {
    const { report, runDir } = await campaign(defect.name, `reference:${defect.name}`)
    const failed = failedIn(report)
    const outcome = { name: defect.name, requirement: defect.requirement, caught: failed.length === 1 && failed[0] === defect.requirement, failed, runDir }
    options.onDefect?.(outcome)
    return outcome
  })
  const tripped = new Set(options.defects.map((defect) => defect.requirement))
  const uncovered = options.catalogue.requirements.filter((r) => r.automation === 'automatic' && !tripped.has(r.id)).map((r) => r.id)
  const referenceOk = reference.report.verdict === 'pass' && failedIn(reference.report).length === 0
  return {
    reference: { verdict: reference.report.verdict, failed: failedIn(reference.report), runDir: reference.runDir },
    defects: outcomes,
    uncovered,
    exitCode: referenceOk && outcomes.every((outcome) => outcome.caught) ? 0 : 3,
  }
}

/** Runs `work` over `items` with at most `limit` at once, keeping the input order in the result. */
async function mapPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
      while (next < items.length) {
        const index = next++
        results[index] = await work(items[index]!)
      }
    }),
  )
  return results
}
