/**
 * Cross-check of the export against the traffic the simulators observed during a campaign: for
 * each test identity (INS) and each kind, a DUI must not export more MSSanté sends or DMP feeds
 * than the simulators received. Over-reporting is flagged (it inflates the indicators);
 * under-reporting is listed but not flagged (it only lowers them).
 */

export const TRAFFIC_KINDS = ['mssante-send', 'dmp-feed'] as const
export type TrafficKind = (typeof TRAFFIC_KINDS)[number]

/** One MSSanté send or DMP feed, for one identity: as observed by a simulator or as exported by the DUI. */
export interface TrafficEvent {
  /** INS of the test identity. */
  readonly usager: string
  readonly kind: TrafficKind
  /** ISO date or date-time. */
  readonly at: string
}

export interface CrossCheckFinding {
  readonly usager: string
  readonly kind: TrafficKind
  readonly exported: number
  readonly observed: number
  /** Dates (YYYY-MM-DD) of the exported and observed events, sorted. */
  readonly exportedDates: readonly string[]
  readonly observedDates: readonly string[]
}

export interface CrossCheckResult {
  /** Test identities compared. */
  readonly identities: number
  readonly exported: number
  readonly observed: number
  /** Exported more than observed: flagged. */
  readonly overReported: readonly CrossCheckFinding[]
  /** Exported less than observed: informative. */
  readonly underReported: readonly CrossCheckFinding[]
  readonly flagged: boolean
  /** The rule, in French. */
  readonly rule: string
}

export const CROSS_CHECK_RULE =
  'Pour chaque identité de test (INS) et chaque type (envoi MSSanté, alimentation du DMP), le nombre ' +
  "d'évènements exportés par le DUI, toutes dates confondues, ne doit pas dépasser le nombre d'échanges " +
  'observés par les simulateurs ; un excédent est signalé (le DUI sur-déclare), un déficit est seulement listé.'

/**
 * Compares exported and observed traffic. `identities` are the test identities; by default the INS
 * present in `observed`. Exported events of other identities are ignored.
 */
export function crossCheck(
  exported: readonly TrafficEvent[],
  observed: readonly TrafficEvent[],
  identities: readonly string[] = observed.map((event) => event.usager),
): CrossCheckResult {
  const tested = new Set(identities)
  const groups = new Map<string, { usager: string; kind: TrafficKind; exported: string[]; observed: string[] }>()
  const add = (event: TrafficEvent, side: 'exported' | 'observed'): void => {
    if (!tested.has(event.usager)) return
    const key = `${event.usager}\u0000${event.kind}`
    let group = groups.get(key)
    if (group === undefined) {
      group = { usager: event.usager, kind: event.kind, exported: [], observed: [] }
      groups.set(key, group)
    }
    group[side].push(event.at.slice(0, 10))
  }
  for (const event of exported) add(event, 'exported')
  for (const event of observed) add(event, 'observed')
  const findings = [...groups.values()]
    .sort((a, b) => a.usager.localeCompare(b.usager) || a.kind.localeCompare(b.kind))
    .map((g) => ({
      usager: g.usager,
      kind: g.kind,
      exported: g.exported.length,
      observed: g.observed.length,
      exportedDates: g.exported.sort(),
      observedDates: g.observed.sort(),
    }))
  const overReported = findings.filter((f) => f.exported > f.observed)
  let exportedCount = 0
  let observedCount = 0
  for (const f of findings) {
    exportedCount += f.exported
    observedCount += f.observed
  }
  return {
    identities: tested.size,
    exported: exportedCount,
    observed: observedCount,
    overReported,
    underReported: findings.filter((f) => f.exported < f.observed),
    flagged: overReported.length > 0,
    rule: CROSS_CHECK_RULE,
  }
}
