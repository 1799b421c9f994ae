// Public entry point of the harness for scenario authors.
export { defineScenario, step, type ScenarioDefinition, type StepDefinition } from './core/scenario.ts'
export type { StepContext } from './core/step-context.ts'
export { manualCheck } from './core/manual-check.ts'
export { linkedSignal, type LinkedSignal } from './core/linked-signal.ts'
export type { Issue } from './core/issue.ts'
export type { Verdict } from './core/verdict.ts'
export type { StrictTraits } from './validate/identity/strict-traits.ts'
// Validators scenarios call directly on what the candidate sent.
export { validateCda } from './validate/cda/index.ts'
export { checkReplacement } from './validate/fhir/mhd/replacement.ts'
