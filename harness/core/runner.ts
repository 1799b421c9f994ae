import type { Capabilities, Driver, DriverCall } from '../drivers/driver.ts'
import type { EvidenceStore } from '../evidence/index.ts'
import type { RunningMocks } from '../../mocks/index.ts'
import { EventBuffer } from './event-buffer.ts'
import { emit, type Reporter } from './events.ts'
import { mapPool } from './map-pool.ts'
import { sortIssues, type Issue } from './issue.ts'
import type { ScenarioResult, StepResult } from './report.ts'
import type { ScenarioDefinition, StepDefinition } from './scenario.ts'
import { FailSignal, StepSignal } from './signals.ts'
import { createStepContext } from './step-context.ts'
import { rollUp, type Verdict } from './verdict.ts'

export const DEFAULT_STEP_TIMEOUT_MS = 30_000

export interface ScenarioRunOptions {
  readonly runId: string
  readonly driver: Driver
  readonly capabilities: Capabilities
  readonly mocks: RunningMocks
  readonly evidence: EvidenceStore
  readonly reporters: readonly Reporter[]
  /** Aborts on SIGINT/SIGTERM: the current step is cancelled, the rest not run. */
  readonly signal: AbortSignal
  readonly trafficTimeoutMs?: number
  /** Concurrent scenarios run at most this many at once (default 1: one by one). */
  readonly concurrency?: number
  /** Budget of a step that sets none (config `timeouts.stepMs`; default 30 s). */
  readonly stepTimeoutMs?: number
}

/**
 * Runs scenarios in their declared order. Consecutive `concurrent` scenarios run up to
 * `concurrency` at once; any other scenario runs alone. Simulators are reset before each scenario
 * that runs alone and before each group of concurrent ones. Results and reporter events keep the
 * declared order whatever the finishing order.
 */
export async function runScenarios(scenarios: readonly ScenarioDefinition[], options: ScenarioRunOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  for (const group of groupScenarios(scenarios, options.concurrency ?? 1)) {
    options.mocks.reset()
    if (group.length === 1) results.push(await runScenario(group[0]!, options, options.reporters))
    else results.push(...(await runGroup(group, options)))
  }
  return results
}

/** Consecutive concurrent scenarios form one group; every other scenario is a group of its own. */
function groupScenarios(scenarios: readonly ScenarioDefinition[], concurrency: number): ScenarioDefinition[][] {
  const groups: ScenarioDefinition[][] = []
  for (const scenario of scenarios) {
    const last = groups.at(-1)
    if (concurrency > 1 && scenario.concurrent && last?.[0]?.concurrent) last.push(scenario)
    else groups.push([scenario])
  }
  return groups
}

async function runGroup(group: readonly ScenarioDefinition[], options: ScenarioRunOptions): Promise<ScenarioResult[]> {
  const buffers = group.map(() => new EventBuffer())
  const finished = group.map(() => false)
  let replayed = 0
  let replaying = Promise.resolve()
  // Each finished scenario's events go out as soon as every scenario declared before it is out.
  const replayReady = () =>
    (replaying = replaying.then(async () => {
      while (replayed < group.length && finished[replayed]) await buffers[replayed++]!.replay(options.reporters)
    }))
  const results = await mapPool(group, options.concurrency ?? 1, async (scenario, index) => {
    const result = await runScenario(scenario, options, [buffers[index]!])
    finished[index] = true
    await replayReady()
    return result
  })
  await replaying
  return results
}

async function runScenario(scenario: ScenarioDefinition, options: ScenarioRunOptions, reporters: readonly Reporter[]): Promise<ScenarioResult> {
  const started = Date.now()
  await emit(reporters, 'onScenarioStart', scenario)
  const state = new Map<string, unknown>()
  const steps: StepResult[] = []
  let blockedBy: StepResult | undefined
  for (const step of scenario.steps) {
    await emit(reporters, 'onStepStart', scenario, step)
    const result = options.signal.aborted
      ? notRun(scenario, step, 'cancel', 'campagne interrompue')
      : blockedBy
        ? notRun(scenario, step, 'skip', `non exécutée : l'étape « ${blockedBy.title} » n'a pas abouti`)
        : await runStep(scenario, step, state, options)
    steps.push(result)
    if (!blockedBy && !step.optional && !['pass', 'omit'].includes(result.verdict)) blockedBy = result
    await emit(reporters, 'onStepEnd', scenario, result)
  }
  const result: ScenarioResult = {
    id: scenario.id,
    title: scenario.title,
    section: scenario.section,
    verdict: rollUp(steps),
    optional: scenario.optional ?? false,
    requirements: [...new Set([...scenario.verifies, ...scenario.steps.flatMap((s) => s.verifies)])],
    steps,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
  }
  await emit(reporters, 'onScenarioEnd', result)
  return result
}

async function runStep(scenario: ScenarioDefinition, step: StepDefinition, state: Map<string, unknown>, options: ScenarioRunOptions): Promise<StepResult> {
  const started = Date.now()
  const timeoutMs = step.timeoutMs ?? options.stepTimeoutMs ?? DEFAULT_STEP_TIMEOUT_MS
  const controller = new AbortController()
  const onRunAbort = () => controller.abort(new Error('interrupted'))
  options.signal.addEventListener('abort', onRunAbort, { once: true })
  const { ctx, recording } = createStepContext({
    runId: options.runId,
    driver: options.driver,
    capabilities: options.capabilities,
    mocks: options.mocks,
    state,
    signal: controller.signal,
    verifies: step.verifies,
    recordCall: (call, action) => recordDriverCall(options.evidence, call, action).id,
    ...(options.trafficTimeoutMs !== undefined ? { trafficTimeoutMs: options.trafficTimeoutMs } : {}),
  })

  let verdict: Verdict = 'pass'
  let message: string | undefined
  let extraIssues: readonly Issue[] = []
  let timer: NodeJS.Timeout | undefined
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs)
  })
  try {
    const outcome = await Promise.race([Promise.resolve().then(() => step.run(ctx)), timedOut])
    if (outcome === 'timeout') {
      controller.abort(new Error('timeout'))
      verdict = 'error'
      message = `l'étape a dépassé son délai de ${timeoutMs < 1000 ? `${timeoutMs} ms` : `${Math.round(timeoutMs / 1000)} s`}`
    }
  } catch (error) {
    if (options.signal.aborted) {
      verdict = 'cancel'
      message = 'campagne interrompue pendant l\'étape'
    } else if (error instanceof StepSignal) {
      verdict = error.verdict
      message = error.message
      if (error instanceof FailSignal) extraIssues = error.issues
    } else {
      // An unexpected throw is the harness's or the candidate's protocol problem, never a `fail`.
      verdict = 'error'
      message = error instanceof Error ? error.message : String(error)
    }
  } finally {
    clearTimeout(timer)
    options.signal.removeEventListener('abort', onRunAbort)
  }
  return {
    ...stepIdentity(scenario, step),
    verdict,
    ...(message !== undefined ? { message } : {}),
    issues: sortIssues([...recording.issues, ...extraIssues]),
    evidence: recording.evidence,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    candidateMs: recording.candidateMs,
  }
}

function notRun(scenario: ScenarioDefinition, step: StepDefinition, verdict: 'skip' | 'cancel', message: string): StepResult {
  return { ...stepIdentity(scenario, step), verdict, message, issues: [], evidence: [], startedAt: new Date().toISOString(), durationMs: 0, candidateMs: 0 }
}

/** The fields of a step result that come from its definition. */
function stepIdentity(scenario: ScenarioDefinition, step: StepDefinition): Pick<StepResult, 'id' | 'title' | 'optional' | 'requirements'> {
  return { id: `${scenario.id}/${step.id}`, title: step.title, optional: step.optional ?? false, requirements: step.verifies }
}

/** Records one call made to the candidate's driver as outgoing evidence. */
export function recordDriverCall(evidence: EvidenceStore, call: DriverCall, label: string) {
  const path = new URL(call.url).pathname
  const request = `${call.method} ${call.url}\r\n\r\n${call.requestBody ?? ''}`
  const response = call.status === undefined ? '(pas de réponse)' : `HTTP ${call.status}\r\n\r\n${call.responseBody ?? ''}`
  return evidence.record(
    { kind: 'http-exchange', direction: 'outgoing', source: 'driver' },
    `${call.method} ${path} → ${call.status ?? 'sans réponse'} (${label})`,
    [
      { name: 'request.http', role: 'request', contentType: 'application/json', data: request },
      { name: 'response.http', role: 'response', contentType: 'application/json', data: response },
    ],
    'driver',
  )
}
