import { isBlocking } from '../core/issue.ts'
import type { CoverageStatus, RequirementCoverage, ScenarioResult, StepResult } from '../core/report.ts'
import type { Catalogue } from './catalogue.ts'

/** Worst first: one failing step makes the requirement failed, whatever the others say. */
const STATUS_ORDER: readonly CoverageStatus[] = ['failed', 'error', 'not-run', 'verified']

/** What the run could check with: a requirement that needs the official kit is not run without it. */
export interface CoverageContext {
  readonly cisisKit: boolean
}

/**
 * Per-requirement coverage of a run. A failed step fails the requirements its blocking issues
 * name, leaves not run those it reports not judged (`incomplete`), and verified the others; when
 * it failed without naming any, every requirement it verifies is failed.
 */
export function computeCoverage(catalogue: Catalogue, scenarios: readonly ScenarioResult[], context: CoverageContext = { cisisKit: false }): RequirementCoverage[] {
  const statuses = new Map<string, CoverageStatus[]>()
  const steps = new Map<string, string[]>()
  for (const scenario of scenarios) {
    for (const step of scenario.steps) {
      // Issues may name requirements beyond the step's own (e.g. a CDA rule inside a DMP step).
      const named = step.issues.filter(isBlocking).flatMap((issue) => (issue.requirement ? [issue.requirement] : []))
      for (const id of new Set([...step.requirements, ...named])) {
        statuses.set(id, [...(statuses.get(id) ?? []), statusFor(step, id)])
        steps.set(id, [...(steps.get(id) ?? []), step.id])
      }
    }
  }
  return catalogue.requirements.map((requirement) => {
    // Steps that carry a CDA list DOC-001, but only the official kit judges it: without it, not checked.
    const unchecked = requirement.needs === 'cisis-kit' && !context.cisisKit
    const seen = unchecked ? undefined : statuses.get(requirement.id)
    // Nothing on the wire proves a manual requirement: its steps only say where a verifier looks.
    const status: CoverageStatus =
      requirement.automation === 'manual' ? 'manual' : seen ? (STATUS_ORDER.find((candidate) => seen.includes(candidate)) ?? 'not-run') : 'not-run'
    const note =
      status === 'manual'
        ? `preuve manuelle attendue : ${requirement.proof}`
        : unchecked
          ? 'kit officiel CI-SIS non fourni (run --cisis-kit <dossier>) : le banc ne vérifie cette exigence qu\'avec lui'
          : !seen
            ? 'aucun scénario sélectionné ne vérifie cette exigence'
            : undefined
    return {
      id: requirement.id,
      section: requirement.section,
      title: requirement.title,
      level: requirement.level,
      automation: requirement.automation,
      ...(requirement.officialRef ? { officialRef: requirement.officialRef } : {}),
      status,
      verifiedBy: unchecked ? [] : (steps.get(requirement.id) ?? []),
      ...(note ? { note } : {}),
    }
  })
}

function statusFor(step: StepResult, requirement: string): CoverageStatus {
  switch (step.verdict) {
    case 'pass':
      return 'verified'
    case 'fail': {
      const blocking = step.issues.filter(isBlocking)
      const named = blocking.some((issue) => issue.requirement !== undefined)
      if (!named) return 'failed'
      if (blocking.some((issue) => issue.requirement === requirement)) return 'failed'
      return step.issues.some((issue) => issue.code === 'incomplete' && issue.requirement === requirement) ? 'not-run' : 'verified'
    }
    case 'error':
      return 'error'
    default:
      return 'not-run'
  }
}
