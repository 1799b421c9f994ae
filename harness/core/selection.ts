import type { ScenarioDefinition } from './scenario.ts'

/** A `--scenarios` entry that is neither a scenario id nor a section. */
export class UnknownScenarioError extends Error {
  override readonly name = 'UnknownScenarioError'
}

/**
 * Selects scenarios by id or by Ségur section (e.g. `DMP`), keeping campaign order. No
 * selection means every scenario.
 */
export function selectScenarios(all: readonly ScenarioDefinition[], wanted: readonly string[] | undefined): ScenarioDefinition[] {
  if (!wanted || wanted.length === 0) return [...all]
  const unknown = wanted.filter((key) => !all.some((scenario) => scenario.id === key || scenario.section === key.toUpperCase()))
  if (unknown.length > 0) {
    throw new UnknownScenarioError(`scénario inconnu : ${unknown.join(', ')} (voir « dui-harness list scenarios »)`)
  }
  return all.filter((scenario) => wanted.some((key) => scenario.id === key || scenario.section === key.toUpperCase()))
}
