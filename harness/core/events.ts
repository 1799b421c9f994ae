import type { RunReport, ScenarioResult, StepResult } from './report.ts'
import type { ScenarioDefinition, StepDefinition } from './scenario.ts'

/**
 * The runner emits events; reporters only listen. Every hook is optional and may be async;
 * the runner awaits them in order so output stays deterministic.
 */
export interface Reporter {
  onRunStart?(info: { runId: string; candidate: string; scenarios: readonly ScenarioDefinition[] }): unknown
  onScenarioStart?(scenario: ScenarioDefinition): unknown
  onStepStart?(scenario: ScenarioDefinition, step: StepDefinition): unknown
  onStepEnd?(scenario: ScenarioDefinition, result: StepResult): unknown
  onScenarioEnd?(result: ScenarioResult): unknown
  onRunEnd?(report: RunReport): unknown
}

/** Fans one event out to every reporter, in order. */
export async function emit<K extends keyof Reporter>(
  reporters: readonly Reporter[],
  event: K,
  ...args: Parameters<NonNullable<Reporter[K]>>
): Promise<void> {
  for (const reporter of reporters) {
    const hook = reporter[event] as ((...a: typeof args) => unknown) | undefined
    if (hook) await hook.apply(reporter, args)
  }
}
