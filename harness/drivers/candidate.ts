import type { Driver } from './driver.ts'
import { HttpDriver } from './http-driver.ts'
import { startReferenceCandidate } from './reference-candidate.ts'

/** The candidate string is not one the harness knows how to drive. */
export class CandidateSpecError extends Error {
  override readonly name = 'CandidateSpecError'
}

/**
 * Resolves `--candidate`: `reference`, `reference:<defect>`, or the URL of a driver endpoint.
 */
export async function openCandidate(spec: string): Promise<Driver> {
  if (spec === 'reference') return startReferenceCandidate()
  if (spec.startsWith('reference:')) return startReferenceCandidate(spec.slice('reference:'.length))
  if (/^https?:\/\//.test(spec)) return new HttpDriver(spec)
  if (spec === 'manual') throw new CandidateSpecError('le pilote manuel (--candidate manual) n\'est pas encore disponible dans cette version ; utilisez reference ou l\'URL du pilote HTTP du DUI')
  throw new CandidateSpecError(`candidat inconnu « ${spec} » (attendu reference, reference:<défaut> ou une URL http(s)://)`)
}
