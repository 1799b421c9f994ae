import type { StepContext } from './step-context.ts'

/** A step: a present-tense French sentence plus a closure. */
export interface StepDefinition {
  /** Stable kebab-case id, unique within its scenario. */
  readonly id: string
  /** Present-tense French sentence shown in reports. */
  readonly title: string
  /** Requirement ids this step evidences (must exist in the catalogue). */
  readonly verifies: readonly string[]
  readonly optional?: boolean
  /** Step time budget; past it the step ends as `error`. Default 30 s. */
  readonly timeoutMs?: number
  run(ctx: StepContext): Promise<void> | void
}

export interface ScenarioDefinition {
  /** Stable, kebab-case, never renamed; equals the file name without `.scenario.ts`. */
  readonly id: string
  /** French title. */
  readonly title: string
  /** Markdown description, French. */
  readonly description: string
  /** Requirement ids evidenced by the scenario as a whole (its steps add their own). */
  readonly verifies: readonly string[]
  /** Ségur section used for ordering and `--scenarios` selection. */
  readonly section: string
  readonly optional?: boolean
  /**
   * True when every exchange of the scenario is correlated by its own test identity and it changes
   * no shared simulator behaviour (no fault, no planned login, no mailbox delivery): it may then run
   * alongside other such scenarios. Default false: the scenario runs alone, simulators reset first.
   */
  readonly concurrent?: boolean
  readonly steps: readonly StepDefinition[]
}

export type StepOptions = Omit<StepDefinition, 'title' | 'id'> & { readonly id?: string }

/** Declares a scenario; scenario files are data plus closures, with no side effects at import. */
export function defineScenario(definition: ScenarioDefinition): ScenarioDefinition {
  const ids = new Set<string>()
  for (const step of definition.steps) {
    if (ids.has(step.id)) throw new Error(`scenario ${definition.id}: duplicate step id ${step.id}`)
    ids.add(step.id)
  }
  return definition
}

/** Declares a step; its id defaults to a slug of the title. */
export function step(title: string, options: StepOptions): StepDefinition {
  return { ...options, title, id: options.id ?? slugify(title) }
}

function slugify(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60)
}

