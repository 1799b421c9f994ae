import type { Capabilities, Driver, DriverCall } from '../drivers/driver.ts'
import type { EvidenceStore } from '../evidence/index.ts'
import type { RunningMocks } from '../../mocks/index.ts'
import { emit, type Reporter } from './events.ts'
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
}

/** Runs scenarios one after the other and returns their results. */
export async function runScenarios(scenarios: readonly ScenarioDefinition[], options: ScenarioRunOptions): Promise<ScenarioResult[]> {
  const results: ScenarioResult[] = []
  for (const scenario of scenarios) results.push(await runScenario(scenario, options))
  return results
}

async function runScenario(scenario: ScenarioDefinition, options: ScenarioRunOptions): Promise<ScenarioResult> {
  const started = Date.now()
  await emit(options.reporters, 'onScenarioStart', scenario)
  options.mocks.reset()
  const state = new Map<string, unknown>()
  const steps: StepResult[] = []
  let blockedBy: StepResult | undefined
  for (const step of scenario.steps) {
    await emit(options.reporters, 'onStepStart', scenario, step)
    const result = options.signal.aborted
      ? notRun(scenario, step, 'cancel', 'campagne interrompue')
      : blockedBy
        ? notRun(scenario, step, 'skip', `non exécutée : l'étape « ${blockedBy.title} » n'a pas abouti`)
        : await runStep(scenario, step, state, options)
    steps.push(result)
    if (!blockedBy && !step.optional && !['pass', 'omit'].includes(result.verdict)) blockedBy = result
    await emit(options.reporters, 'onStepEnd', scenario, result)
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
  await emit(options.reporters, 'onScenarioEnd', result)
  return result
}

async function runStep(scenario: ScenarioDefinition, step: StepDefinition, state: Map<string, unknown>, options: ScenarioRunOptions): Promise<StepResult> {
  const started = Date.now()
  const timeoutMs = step.timeoutMs ?? DEFAULT_STEP_TIMEOUT_MS
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
