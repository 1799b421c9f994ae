import { MANUAL_TRAFFIC_MS } from '../config/config.ts'
import type { Driver } from './driver.ts'
import { HttpDriver } from './http-driver.ts'
import { MANUAL_CANDIDATE, ManualDriver } from './manual-driver.ts'
import { OperatorConsole } from './operator-console.ts'
import { startReferenceCandidate } from './reference-candidate.ts'

/** The candidate string is not one the harness knows how to drive. */
export class CandidateSpecError extends Error {
  override readonly name = 'CandidateSpecError'
}

export interface CandidateOptions {
  /** How long the manual driver waits for each answer of the operator (default: the manual traffic timeout, 10 min). */
  readonly answerTimeoutMs?: number
}

/**
 * Resolves `--candidate`: `reference`, `reference:<defect>`, the URL of a driver endpoint, or
 * `manual` (a person drives the DUI from this terminal).
 */
export async function openCandidate(spec: string, options: CandidateOptions = {}): Promise<Driver> {
  if (spec === 'reference') return startReferenceCandidate()
  if (spec.startsWith('reference:')) return startReferenceCandidate(spec.slice('reference:'.length))
  if (/^https?:\/\//.test(spec)) return new HttpDriver(spec)
  if (spec === MANUAL_CANDIDATE) return new ManualDriver(new OperatorConsole(process.stdin, process.stdout), { answerTimeoutMs: options.answerTimeoutMs ?? MANUAL_TRAFFIC_MS })
  throw new CandidateSpecError(`candidat inconnu « ${spec} » (attendu reference, reference:<défaut>, manual ou une URL http(s)://)`)
}
