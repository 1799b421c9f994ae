import type { ActionResult, Capabilities, Driver, DriverCall } from '../drivers/driver.ts'
import type { RunningMocks } from '../../mocks/index.ts'
import { hasBlockingIssues, isBlocking, type Issue } from './issue.ts'
import { DriverError } from '../drivers/driver.ts'
import { linkedSignal } from './linked-signal.ts'
import { fail, omit, skip } from './signals.ts'

/** What a step's `run` receives. Everything a step does to the candidate goes through here. */
export interface StepContext {
  readonly runId: string
  readonly mocks: RunningMocks
  /** Aborts when the step times out or the run is interrupted. */
  readonly signal: AbortSignal
  /** Values shared between the steps of one scenario (ids the candidate returned...). */
  readonly state: Map<string, unknown>
  /** True when the candidate declared the action in its capabilities. */
  can(action: string): boolean
  /**
   * Asks the candidate to perform an action. Skips the step when the candidate lacks it; fails
   * when the candidate reports an error, unless `tolerateFailure` (then the step inspects traffic).
   */
  trigger(action: string, params: Readonly<Record<string, unknown>>, options?: { tolerateFailure?: boolean }): Promise<ActionResult>
  /**
   * Awaits traffic the candidate must send; fails with `missing` (French) when none came. With
   * `requirement`, the absence fails that requirement only, and the step's others are reported
   * not judged (see `failBeforeJudging`); without it, it fails every requirement of the step.
   */
  expectTraffic<T extends { evidenceId: string }>(missing: string, waiting: (signal: AbortSignal) => Promise<T | undefined>, options?: { requirement?: string }): Promise<T>
  /** Records issues on the step; fails it with `message` when any is an error or fatal. */
  check(issues: readonly Issue[], message: string): void
  /** Links an evidence id to this step. */
  attach(evidenceId: string): void
  fail(message: string, issues?: readonly Issue[]): never
  /**
   * Fails the step on `issues` found before it could judge the rest: the step's requirements
   * they do not name are reported not run (one `incomplete` information each), never verified.
   */
  failBeforeJudging(message: string, issues: readonly Issue[]): never
  skip(message: string): never
  omit(message: string): never
}

/** How long a step waits for traffic the candidate must send. */
export const TRAFFIC_TIMEOUT_MS = 15_000

export interface StepContextDeps {
  readonly runId: string
  readonly driver: Driver
  readonly capabilities: Capabilities
  readonly mocks: RunningMocks
  readonly state: Map<string, unknown>
  readonly signal: AbortSignal
  /** Records a driver call as evidence and returns its id. */
  readonly recordCall: (call: DriverCall, action: string) => string
  readonly trafficTimeoutMs?: number
  /** The step's requirements (those a failure before judging leaves not run). */
  readonly verifies?: readonly string[]
}

/** Step-scoped state the runner reads back when the step ends. */
export interface StepRecording {
  readonly issues: Issue[]
  readonly evidence: string[]
  candidateMs: number
}

export function createStepContext(deps: StepContextDeps): { ctx: StepContext; recording: StepRecording } {
  const recording: StepRecording = { issues: [], evidence: [], candidateMs: 0 }
  const attach = (id: string) => {
    if (!recording.evidence.includes(id)) recording.evidence.push(id)
  }
  const timed = async <T>(work: Promise<T>): Promise<T> => {
    const started = Date.now()
    try {
      return await work
    } finally {
      recording.candidateMs += Date.now() - started
    }
  }
  const ctx: StepContext = {
    runId: deps.runId,
    mocks: deps.mocks,
    signal: deps.signal,
    state: deps.state,
    can: (action) => deps.capabilities.actions.includes(action),
    async trigger(action, params, options) {
      if (!ctx.can(action)) skip(`le DUI ne déclare pas l'action « ${action} » dans ses capacités`)
      let outcome
      try {
        outcome = await timed(deps.driver.trigger(action, params, deps.signal))
      } catch (error) {
        if (error instanceof DriverError && error.call) attach(deps.recordCall(error.call, action))
        throw error
      }
      attach(deps.recordCall(outcome.call, action))
      if (!outcome.result.ok && !options?.tolerateFailure) fail(`le DUI a signalé un échec de l'action « ${action} » : ${outcome.result.error}`)
      return outcome.result
    },
    async expectTraffic(missing, waiting, options) {
      const deadline = linkedSignal(deps.signal, deps.trafficTimeoutMs ?? TRAFFIC_TIMEOUT_MS)
      const found = await timed(waiting(deadline.signal)).finally(() => deadline.dispose())
      if (!found && options?.requirement) {
        ctx.failBeforeJudging(missing, [{ severity: 'error', code: 'not-found', rule: 'traffic/missing', requirement: options.requirement, message: missing }])
      }
      if (!found) fail(missing)
      attach(found.evidenceId)
      return found
    },
    check(issues, message) {
      recording.issues.push(...issues)
      if (hasBlockingIssues(issues)) fail(message)
    },
    attach,
    fail,
    failBeforeJudging(message, issues) {
      const named = new Set(issues.filter(isBlocking).map((issue) => issue.requirement))
      const unjudged = (deps.verifies ?? []).filter((requirement) => !named.has(requirement))
      fail(message, [
        ...issues,
        ...unjudged.map((requirement): Issue => ({ severity: 'information', code: 'incomplete', rule: 'step/not-judged', requirement, message: `${requirement} non examinée : ${message}` })),
      ])
    },
    skip,
    omit,
  }
  return { ctx, recording }
}
