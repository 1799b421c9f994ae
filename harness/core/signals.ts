import type { Issue } from './issue.ts'

/**
 * Outcomes are signals: a step ends early only by throwing one of these (or by an unexpected
 * throw, which the runner turns into `error`). Only the runner catches them.
 */
export abstract class StepSignal extends Error {
  abstract readonly verdict: 'fail' | 'skip' | 'omit'
}

/** The candidate did not meet a requirement. `issues` say which and why. */
export class FailSignal extends StepSignal {
  override readonly name = 'FailSignal'
  readonly verdict = 'fail' as const
  constructor(
    message: string,
    readonly issues: readonly Issue[] = [],
  ) {
    super(message)
  }
}

/** The step cannot run (e.g. the candidate lacks the action); never counted as a pass. */
export class SkipSignal extends StepSignal {
  override readonly name = 'SkipSignal'
  readonly verdict = 'skip' as const
}

/** The step does not apply to this candidate. */
export class OmitSignal extends StepSignal {
  override readonly name = 'OmitSignal'
  readonly verdict = 'omit' as const
}

export function fail(message: string, issues: readonly Issue[] = []): never {
  throw new FailSignal(message, issues)
}

export function skip(message: string): never {
  throw new SkipSignal(message)
}

export function omit(message: string): never {
  throw new OmitSignal(message)
}
