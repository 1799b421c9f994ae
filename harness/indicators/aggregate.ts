import type { IndicatorsConfig } from './config.ts'
import type { ComputationPlan } from './plan.ts'
import type { EssmsResult, FundingVerdict, IndicatorResult, ProjectResult } from './report.ts'
import type { UsagerTable } from './usager-table.ts'

/** Numerators and denominators per ESSMS and indicator: `[essms * indicators + i]`. */
export interface EssmsCounts {
  readonly usagers: Float64Array
  readonly accompanied: Float64Array
  readonly numerators: Float64Array
  readonly denominators: Float64Array
}

function hasAny(flags: Uint32Array, base: number, mask: Uint32Array): boolean {
  for (let w = 0; w < mask.length; w++) if ((flags[base + w]! & mask[w]!) !== 0) return true
  return false
}

/** One pass over the per-usager state; the only place where "accompanied" and "active" are decided. */
export function countByEssms(table: UsagerTable, plan: ComputationPlan): EssmsCounts {
  const n = plan.indicators.length
  const essmsCount = table.finess.length
  const counts: EssmsCounts = {
    usagers: new Float64Array(essmsCount),
    accompanied: new Float64Array(essmsCount),
    numerators: new Float64Array(essmsCount * n),
    denominators: new Float64Array(essmsCount * n),
  }
  for (let u = 0; u < table.count; u++) {
    const e = table.essms[u]!
    const admission = table.admission[u]!
    const exit = table.exit[u]!
    const base = u * plan.words
    counts.usagers[e]!++
    for (let i = 0; i < n; i++) {
      const indicator = plan.indicators[i]!
      if (admission > indicator.window.end || exit < indicator.window.start) continue
      if (i === 0) counts.accompanied[e]!++
      if (indicator.config.denominator === 'active' && !hasAny(table.flags, base, indicator.activeMask)) continue
      counts.denominators[e * n + i]!++
      if (hasAny(table.flags, base, indicator.numeratorMask)) counts.numerators[e * n + i]!++
    }
  }
  return counts
}

const round2 = (x: number): number => Math.round(x * 100) / 100

export function indicatorResult(id: IndicatorResult['id'], numerator: number, denominator: number, target: number): IndicatorResult {
  if (denominator === 0) return { id, numerator, denominator, rate: null, target, status: 'not-computable', marginPoints: null, missingRecords: 0 }
  const rate = (numerator * 100) / denominator
  // Integer-friendly comparison: no rounding can turn 89.996 % into "met" for a 90 % target.
  const met = numerator * 100 >= target * denominator
  const needed = Math.ceil((target * denominator) / 100 - 1e-9)
  return {
    id,
    numerator,
    denominator,
    rate: round2(rate),
    target,
    status: met ? 'met' : 'not-met',
    marginPoints: round2(rate - target),
    missingRecords: met ? 0 : Math.max(0, needed - numerator),
  }
}

function verdictOf(results: readonly IndicatorResult[]): FundingVerdict {
  const notMet = results.filter((r) => r.status !== 'met').map((r) => r.id)
  return { met: notMet.length === 0, notMet }
}

function results(plan: ComputationPlan, num: (i: number) => number, den: (i: number) => number): IndicatorResult[] {
  return plan.indicators.map((indicator, i) => indicatorResult(indicator.id, num(i), den(i), indicator.config.target))
}

/** Per-ESSMS and per-project results with their funding verdicts. */
export function aggregate(
  table: UsagerTable,
  plan: ComputationPlan,
  config: IndicatorsConfig,
): { essms: EssmsResult[]; projects: ProjectResult[] } {
  const counts = countByEssms(table, plan)
  const n = plan.indicators.length
  const projectOf = new Map<string, string>()
  for (const project of config.projects) for (const finess of project.finess) projectOf.set(finess, project.id)
  const order = table.finess.map((finess, e) => ({ finess, e })).sort((a, b) => a.finess.localeCompare(b.finess))
  const essms: EssmsResult[] = order.map(({ finess, e }) => {
    const indicators = results(plan, (i) => counts.numerators[e * n + i]!, (i) => counts.denominators[e * n + i]!)
    return {
      finess,
      project: projectOf.get(finess) ?? null,
      usagers: counts.usagers[e]!,
      accompanied: counts.accompanied[e]!,
      indicators,
      verdict: verdictOf(indicators),
    }
  })
  const indexOf = new Map(table.finess.map((finess, e) => [finess, e]))
  const byFiness = new Map(essms.map((r) => [r.finess, r]))
  const groups =
    config.projects.length > 0
      ? config.projects.map((p) => ({ id: p.id, label: p.label ?? p.id, finess: [...p.finess].sort(), implicit: false }))
      : [{ id: 'export', label: 'Ensemble de l’export (aucun projet configuré)', finess: order.map((o) => o.finess), implicit: true }]
  const projects: ProjectResult[] = groups.map((group) => {
    const present = group.finess.filter((f) => indexOf.has(f))
    const sum = (array: Float64Array, i: number): number => present.reduce((total, f) => total + array[indexOf.get(f)! * n + i]!, 0)
    const indicators = results(plan, (i) => sum(counts.numerators, i), (i) => sum(counts.denominators, i))
    const warnings: string[] = []
    if (group.finess.length < config.minEssmsPerProject) {
      warnings.push(`${group.finess.length} ESSMS dans le projet, moins que le minimum de ${config.minEssmsPerProject} (brief §9 : 15, 8 en Corse et outre-mer)`)
    }
    const absent = group.finess.filter((f) => !indexOf.has(f))
    if (absent.length > 0) warnings.push(`FINESS sans aucun dossier dans l’export : ${absent.join(', ')}`)
    return {
      id: group.id,
      label: group.label,
      implicit: group.implicit,
      finess: group.finess,
      indicators,
      verdict: verdictOf(indicators),
      essmsMeetingAll: present.filter((f) => byFiness.get(f)!.verdict.met).length,
      warnings,
    }
  })
  return { essms, projects }
}
