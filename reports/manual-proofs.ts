import type { RequirementCoverage, RunReport, StepResult } from '../harness/core/report.ts'
import { COVERAGE_LABELS } from './labels.ts'

/** A requirement the wire cannot show, as every report format lists it for the verifier. */
export interface ManualProof {
  readonly requirement: RequirementCoverage
  /** What the verifier must look at and capture (French), from the catalogue's `proof`. */
  readonly proof: string
  /** Steps of this run that stopped where the verifier should look (manual checks). */
  readonly steps: readonly StepResult[]
}

/** Why these requirements are never verified by the harness, said once for every format. */
export const MANUAL_PROOFS_INTRO =
  'Ces exigences portent sur ce que le DUI affiche ou sur son ergonomie : rien de ce qui passe sur le réseau ne les prouve, ' +
  'le banc ne les déclare donc jamais vérifiées. Le vérificateur constate chacune dans le DUI et joint au dossier de la campagne les captures décrites ici.'

/** The manual requirements of a run, in catalogue order. */
export function manualProofs(report: RunReport): ManualProof[] {
  const steps = new Map(report.scenarios.flatMap((s) => s.steps).map((s) => [s.id, s]))
  const prefix = `${COVERAGE_LABELS.manual} : `
  return report.coverage
    .filter((c) => c.status === 'manual')
    .map((requirement) => ({
      requirement,
      // Coverage notes read `preuve manuelle attendue : <proof>` (harness/requirements/coverage.ts).
      proof: requirement.note?.startsWith(prefix) ? requirement.note.slice(prefix.length) : (requirement.note ?? ''),
      steps: requirement.verifiedBy.map((id) => steps.get(id)).filter((s): s is StepResult => s !== undefined),
    }))
}
