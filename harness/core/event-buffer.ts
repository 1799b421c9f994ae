import { emit, type Reporter } from './events.ts'
import type { ScenarioResult, StepResult } from './report.ts'
import type { ScenarioDefinition, StepDefinition } from './scenario.ts'

/**
 * Holds the events of one scenario run alongside others, so reporters receive each scenario's
 * events together and in the declared order: the output reads as if the scenarios ran one by one.
 */
export class EventBuffer implements Reporter {
  readonly #events: ((reporters: readonly Reporter[]) => Promise<void>)[] = []

  onScenarioStart(scenario: ScenarioDefinition): void {
    this.#events.push((reporters) => emit(reporters, 'onScenarioStart', scenario))
  }

  onStepStart(scenario: ScenarioDefinition, step: StepDefinition): void {
    this.#events.push((reporters) => emit(reporters, 'onStepStart', scenario, step))
  }

  onStepEnd(scenario: ScenarioDefinition, result: StepResult): void {
    this.#events.push((reporters) => emit(reporters, 'onStepEnd', scenario, result))
  }

  onScenarioEnd(result: ScenarioResult): void {
    this.#events.push((reporters) => emit(reporters, 'onScenarioEnd', result))
  }

  async replay(reporters: readonly Reporter[]): Promise<void> {
    for (const event of this.#events) await event(reporters)
  }
}
