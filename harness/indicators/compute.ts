import { harnessVersion } from '../internal/version.ts'
import { aggregate } from './aggregate.ts'
import { BAD_ROW_LABELS, BadRowCollector } from './bad-rows.ts'
import { crossCheck } from './cross-check.ts'
import { formatDay } from './day.ts'
import { EVENT_KINDS } from './event-kind.ts'
import { eventLineHandler } from './event-rows.ts'
import { detectLayout } from './export-format.ts'
import { IndicatorsInputError } from './input-error.ts'
import { forEachLine, isGzip, readFirstLine } from './line-source.ts'
import { balance, runEventTasks } from './parallel-events.ts'
import { buildPlan, parseMeasurementDate } from './plan.ts'
import { denominatorRule, describeRules, numeratorKinds, numeratorRule, rangeView, UNVERIFIED_NOTICE } from './rules.ts'
import { UsagerTable } from './usager-table.ts'
import { usagerLineHandler } from './usager-rows.ts'
import type { IndicatorsConfig } from './config.ts'
import type { TrafficEvent, TrafficKind } from './cross-check.ts'
import type { EventKind } from './event-kind.ts'
import type { FileLayout } from './export-format.ts'
import type { ObservedTraffic } from './observed-traffic.ts'
import type { EventTask } from './parallel-events.ts'
import type { FileSummary, IndicatorsReport } from './report.ts'

export interface ComputeOptions {
  /** Measurement date, YYYY-MM-DD. */
  readonly at: string
  readonly config: IndicatorsConfig
  /** Path of the `--config` file the config came from; absent: defaults. */
  readonly configFile?: string
  /** Traffic observed by the simulators: enables the cross-check. */
  readonly observed?: ObservedTraffic
  /** Worker threads reading event files (default 1: everything in the calling thread). */
  readonly threads?: number
}

interface PlannedFile {
  readonly path: string
  readonly gzip: boolean
  readonly layout: FileLayout
}

/**
 * Computes the indicators from export files, streaming: every usager file first (they build the
 * compact per-usager table), then every event file (each event only sets bits), in this thread or
 * in `threads` worker threads. Memory is bounded by the number of usagers, never by the number of
 * events.
 */
export async function computeIndicators(paths: readonly string[], options: ComputeOptions): Promise<IndicatorsReport> {
  const at = parseMeasurementDate(options.at)
  if (Number.isNaN(at)) throw new IndicatorsInputError(`date de mesure « ${options.at} » invalide (AAAA-MM-JJ attendu)`)
  if (paths.length === 0) throw new IndicatorsInputError('aucun fichier d’export donné')
  const { config } = options
  const plan = buildPlan(config, at)

  const files: PlannedFile[] = []
  for (const path of paths) {
    const gzip = await isGzip(path)
    files.push({ path, gzip, layout: detectLayout(path, await readFirstLine(path, gzip)) })
  }
  if (!files.some((f) => f.layout.kind === 'usagers')) {
    throw new IndicatorsInputError('aucun fichier usagers parmi les fichiers donnés (en-tête « usager_id,finess,admission_date,… » attendu)')
  }

  const table = new UsagerTable(plan.words)
  const badRows = new BadRowCollector(config.maxListedBadRows)
  const countsByKind = new Float64Array(EVENT_KINDS.length)
  const observed = options.observed
  const testIdentities = observed === undefined ? undefined : new Set(observed.identities)
  const testUsagers = new Map<number, string>()
  const exported: TrafficEvent[] = []

  const lines = new Map<string, number>()
  for (const file of files.filter((f) => f.layout.kind === 'usagers')) {
    const handler = usagerLineHandler(file.path, file.layout, {
      table,
      badRows,
      ...(testIdentities === undefined
        ? {}
        : {
            onIns: (index: number, ins: string): void => {
              if (testIdentities.has(ins)) testUsagers.set(index, ins)
            },
          }),
    })
    lines.set(file.path, await forEachLine(file.path, file.gzip, handler))
  }
  if (testIdentities !== undefined) {
    // A record without an INS column may use the INS as its id.
    for (const ins of testIdentities) {
      const index = table.indexOf(ins)
      if (index >= 0 && !testUsagers.has(index)) testUsagers.set(index, ins)
    }
  }
  const trafficKinds = new Map<number, TrafficKind>([
    [EVENT_KINDS.indexOf('mssante-send'), 'mssante-send'],
    [EVENT_KINDS.indexOf('dmp-feed'), 'dmp-feed'],
  ])
  const onEvent =
    testUsagers.size === 0
      ? undefined
      : (index: number, kind: number, day: number): void => {
          const trafficKind = trafficKinds.get(kind)
          const ins = trafficKind === undefined ? undefined : testUsagers.get(index)
          if (ins !== undefined && trafficKind !== undefined) exported.push({ usager: ins, kind: trafficKind, at: formatDay(day) })
        }
  const eventFiles = files.filter((f) => f.layout.kind === 'events')
  const threads = Math.min(options.threads ?? 1, eventFiles.length)
  if (threads > 1) {
    const ids = table.sharedIds()
    const tasks: EventTask[] = balance(eventFiles, threads).map((group) => ({
      files: group,
      ids,
      words: plan.words,
      checksByKind: plan.checksByKind,
      kinds: EVENT_KINDS.length,
      maxListedBadRows: config.maxListedBadRows,
      testUsagers: [...testUsagers],
      trafficKinds: [...trafficKinds.keys()],
    }))
    const results = await runEventTasks(tasks)
    const size = table.count * plan.words
    for (const result of results) {
      for (let i = 0; i < size; i++) table.flags[i]! |= result.flags[i]!
      result.countsByKind.forEach((n, k) => (countsByKind[k]! += n))
      for (const [path, n] of result.lines) lines.set(path, n)
      for (const [ins, kind, day] of result.exported) exported.push({ usager: ins, kind: trafficKinds.get(kind)!, at: formatDay(day) })
    }
    badRows.absorb(
      results.map((r) => r.badRows),
      files.map((f) => f.path),
    )
  } else {
    for (const file of eventFiles) {
      const handler = eventLineHandler(file.path, file.layout, { table, words: plan.words, checksByKind: plan.checksByKind, badRows, countsByKind, ...(onEvent === undefined ? {} : { onEvent }) })
      lines.set(file.path, await forEachLine(file.path, file.gzip, handler))
    }
  }

  const { essms, projects } = aggregate(table, plan, config)
  const check = observed === undefined ? undefined : crossCheck(exported, observed.traffic, observed.identities)
  const met = projects.every((p) => p.verdict.met) && check?.flagged !== true
  const failing = projects.filter((p) => !p.verdict.met).length
  const summary = met
    ? `Objectifs atteints pour ${projects.length === 1 ? 'le projet' : `les ${projects.length} projets`}.`
    : [
        failing > 0 ? `Objectifs non atteints pour ${failing} projet${failing > 1 ? 's' : ''} sur ${projects.length}.` : '',
        check?.flagged === true ? `Sur-déclaration relevée par le contrôle croisé (${check.overReported.length} identité·type).` : '',
      ]
        .filter(Boolean)
        .join(' ')

  const eventsByKind = Object.fromEntries(EVENT_KINDS.map((k, i) => [k, countsByKind[i]!])) as Record<EventKind, number>
  const fileSummaries: FileSummary[] = files.map((f) => ({
    path: f.path,
    format: f.layout.format,
    gzip: f.gzip,
    kind: f.layout.kind,
    lines: lines.get(f.path) ?? 0,
    badRows: badRows.byFile.get(f.path) ?? 0,
  }))
  return {
    schemaVersion: 1,
    kind: 'dui-harness/indicators',
    harnessVersion,
    at: formatDay(at),
    definitions: {
      origin: options.configFile === undefined ? 'defaults' : 'configured',
      ...(options.configFile === undefined ? {} : { configFile: options.configFile }),
      verified: false,
      notice: UNVERIFIED_NOTICE,
    },
    rules: describeRules(plan, config),
    indicators: plan.indicators.map((indicator) => ({
      id: indicator.id,
      label: indicator.config.label,
      target: indicator.config.target,
      window: rangeView(indicator.window),
      denominator: indicator.config.denominator,
      numeratorEventKinds: numeratorKinds(indicator, config),
      numeratorRange: rangeView(indicator.numeratorRange),
      numeratorRule: numeratorRule(indicator, config),
      denominatorRule: denominatorRule(indicator),
    })),
    input: {
      files: fileSummaries,
      usagers: table.count,
      events: countsByKind.reduce((a, b) => a + b, 0),
      eventsByKind,
      badRows: {
        total: badRows.total,
        byReason: Object.fromEntries(badRows.byReason),
        listed: badRows.listed.map((row) => ({ ...row, message: BAD_ROW_LABELS[row.reason] })),
      },
    },
    essms,
    projects,
    ...(check === undefined ? {} : { crossCheck: check }),
    verdict: { met, summary },
  }
}
