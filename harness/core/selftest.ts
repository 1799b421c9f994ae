import { join } from 'node:path'
import { JsonReporter } from '../../reports/json.ts'
import type { HarnessConfig } from '../config/config.ts'
import { startReferenceInProcess } from '../drivers/reference-candidate.ts'
import type { Catalogue } from '../requirements/catalogue.ts'
import { runCampaign } from './campaign.ts'
import { mapPool } from './map-pool.ts'
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
  /** Defects whose requirement needs the official CI-SIS kit, not run because none was given. */
  readonly notEvaluated: readonly DefectSpec[]
  /** Automatic requirements no seeded defect is meant to trip. */
  readonly uncovered: readonly string[]
  /**
   * 0 when the reference passes, every defect run is caught by its own requirement, and every
   * automatic requirement has a defect; else 3.
   */
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
  /** Preparation lines of the campaigns (the official kit's first compile). */
  readonly onProgress?: (line: string) => void
}

/**
 * The kill matrix: the reference DUI must pass every scenario, and each seeded defect must make
 * its own requirement fail and no other. With `config.cisisKit` every campaign runs in kit mode;
 * without it, the defects of requirements only the kit can judge are listed as not evaluated.
 */
export async function runSelftest(options: SelftestOptions): Promise<SelftestResult> {
  // The reference DUI runs in this process for every campaign (HTTP driver, real sockets all the same).
  const campaign = async (name: string, defect?: string): Promise<{ report: RunReport; runDir: string }> =>
    runCampaign({
      config: { ...options.config, candidate: defect ? `reference:${defect}` : 'reference', out: join(options.config.out, name) },
      catalogue: options.catalogue,
      scenarios: options.scenarios,
      openDriver: () => startReferenceInProcess(defect),
      reporters: (dir) => [new JsonReporter(dir)],
      signal: options.signal,
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    })
  const failedIn = (report: RunReport) => report.coverage.filter((item) => item.status === 'failed').map((item) => item.id)
  const needsKit = new Set(options.catalogue.requirements.filter((r) => r.needs === 'cisis-kit').map((r) => r.id))
  const runnable = options.config.cisisKit ? options.defects : options.defects.filter((defect) => !needsKit.has(defect.requirement))

  const reference = await campaign('reference')
  const outcomes = await mapPool(runnable, options.concurrency, async (defect) => {
    const { report, runDir } = await campaign(defect.name, defect.name)
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
    notEvaluated: options.defects.filter((defect) => !runnable.includes(defect)),
    uncovered,
    exitCode: referenceOk && outcomes.every((outcome) => outcome.caught) && uncovered.length === 0 ? 0 : 3,
  }
}
