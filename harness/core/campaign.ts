import { randomBytes } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { startMocks, type RunningMocks } from '../../mocks/index.ts'
import { configDigest, type HarnessConfig } from '../config/config.ts'
import type { Driver } from '../drivers/driver.ts'
import { EvidenceStore } from '../evidence/index.ts'
import { prepareKit } from '../validate/cda/kit/prepare.ts'
import { harnessVersion } from '../internal/version.ts'
import type { Catalogue } from '../requirements/catalogue.ts'
import { computeCoverage } from '../requirements/coverage.ts'
import { loadRunGrid, withOfficialGrid } from '../requirements/grid/index.ts'
import { emit, type Reporter } from './events.ts'
import { REPORT_SCHEMA_VERSION, type RunReport, type ScenarioResult } from './report.ts'
import { recordDriverCall, runScenarios } from './runner.ts'
import type { ScenarioDefinition } from './scenario.ts'
import { rollUp, VERDICT_PRECEDENCE, type Verdict } from './verdict.ts'

export interface CampaignOptions {
  readonly config: HarnessConfig
  readonly catalogue: Catalogue
  readonly scenarios: readonly ScenarioDefinition[]
  /** Opens the candidate's driver (the reference DUI is started here). */
  readonly openDriver: () => Promise<Driver>
  /** Built once the run directory is known. */
  readonly reporters: (runDir: string) => readonly Reporter[]
  readonly signal: AbortSignal
  /** Lines for the operator while the campaign prepares (the official kit's first compile). */
  readonly onProgress?: (line: string) => void
}

export interface CampaignResult {
  readonly report: RunReport
  readonly runDir: string
}

/**
 * One campaign: run directory and evidence store, simulators, candidate session, scenarios,
 * coverage, report. The candidate's failures are in the report; only an unreachable candidate
 * (DriverError before any scenario) is thrown.
 */
export async function runCampaign(options: CampaignOptions): Promise<CampaignResult> {
  const startedAt = new Date()
  const runId = `${startedAt.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(2).toString('hex')}`
  // An unusable official grid (config `grid`) fails before anything starts.
  const officialGrid = loadRunGrid(options.config.grid, options.catalogue)
  // Compiled now, not by the first step that sends a document: that compile takes minutes on a
  // fresh machine and would blow the step's budget (an interrupt here yields an interrupted report).
  if (options.config.cisisKit !== undefined) {
    await prepareKit(options.config.cisisKit, { signal: options.signal, ...(options.onProgress ? { onProgress: options.onProgress } : {}) })
  }
  // Open the candidate first: a bad candidate spec must not leave an empty run directory.
  const driver: Driver = await options.openDriver()
  let mocks: RunningMocks | undefined
  let closing: Promise<void> | undefined
  const closeAll = () =>
    (closing ??= (async () => {
      await driver.close()
      await mocks?.close()
    })())
  try {
    const runDir = resolve(options.config.out, runId)
    mkdirSync(runDir, { recursive: true })
    const evidence = new EvidenceStore(runDir)
    const reporters = options.reporters(runDir)
    mocks = await startMocks({ evidence, host: options.config.host, runDir, ...(options.config.cisisKit ? { cisisKit: options.config.cisisKit } : {}) })
    driver.onCall = (call) => recordDriverCall(evidence, call, 'session')
    const capabilities = await driver.capabilities()
    await driver.openSession({ runId, endpoints: mocks.endpoints() })
    await emit(reporters, 'onRunStart', { runId, candidate: driver.label, scenarios: options.scenarios })
    const results = await runScenarios(options.scenarios, {
      runId,
      driver,
      capabilities,
      mocks,
      evidence,
      reporters,
      signal: options.signal,
      trafficTimeoutMs: options.config.timeouts.trafficMs,
      concurrency: options.config.concurrency,
      ...(options.config.timeouts.stepMs ? { stepTimeoutMs: options.config.timeouts.stepMs } : {}),
    })
    writeObservedUsage(runDir, mocks)
    // Sessions still open (an IMAP session ends at logout or close) are recorded when they end:
    // close candidate and simulators first, so the report lists every piece of evidence.
    await closeAll()
    const report = withOfficialGrid(buildReport({
      runId,
      startedAt,
      interrupted: options.signal.aborted,
      candidate: { name: capabilities.name, ...(capabilities.version ? { version: capabilities.version } : {}), driver: driver.label },
      configDigest: configDigest(options.config),
      scenarios: results,
      catalogue: options.catalogue,
      evidence,
      cisisKit: options.config.cisisKit !== undefined,
    }), officialGrid)
    await emit(reporters, 'onRunEnd', report)
    return { report, runDir }
  } finally {
    await closeAll()
  }
}

interface ReportInput {
  readonly runId: string
  readonly startedAt: Date
  readonly interrupted: boolean
  readonly candidate: RunReport['candidate']
  readonly configDigest: string
  readonly scenarios: readonly ScenarioResult[]
  readonly catalogue: Catalogue
  readonly evidence: EvidenceStore
  /** The official CI-SIS kit judged the documents. */
  readonly cisisKit: boolean
}

function buildReport(input: ReportInput): RunReport {
  const summary = Object.fromEntries(VERDICT_PRECEDENCE.map((verdict) => [verdict, 0])) as Record<Verdict, number>
  for (const scenario of input.scenarios) for (const step of scenario.steps) summary[step.verdict] += 1
  const verdict = input.interrupted ? 'cancel' : rollUp(input.scenarios)
  const records = [...input.evidence.all()]
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    harnessVersion,
    runId: input.runId,
    startedAt: input.startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    interrupted: input.interrupted,
    candidate: input.candidate,
    configDigest: input.configDigest,
    scenarios: input.scenarios,
    coverage: computeCoverage(input.catalogue, input.scenarios, { cisisKit: input.cisisKit }),
    evidence: records,
    unhandled: records.filter((record) => record.direction === 'incoming' && !record.handler).map((record) => record.id),
    summary,
    verdict,
    exitCode: verdict === 'pass' || verdict === 'omit' ? 0 : 3,
  }
}

/** What the simulators saw the candidate do, per usager (INS): the indicators cross-check input. */
function writeObservedUsage(runDir: string, mocks: RunningMocks): void {
  const observed = mocks.dmp.fhir.log
    .all()
    .filter((exchange) => exchange.handler === 'dmp.iti65' && exchange.meta['accepted'] === true && typeof exchange.meta['patientIns'] === 'string')
    .map((exchange) => ({ usager: String(exchange.meta['patientIns']).split('|')[1], kind: 'dmp-feed', at: exchange.at }))
  // One MSSanté sending per patient designated by the IHE_XDM of an accepted document message.
  const mssante = mocks.mssante.submission.messages
    .all()
    .filter((message) => message.analysis.kind === 'document')
    .flatMap((message) => message.analysis.patients.map((ins) => ({ usager: ins, kind: 'mssante-send', at: message.at })))
  observed.push(...mssante)
  writeFileSync(join(runDir, 'observed-usage.json'), `${JSON.stringify(observed, null, 2)}\n`)
}
