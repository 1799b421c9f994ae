import type { CoverageStatus, OfficialRowStatus } from '../harness/core/report.ts'
import type { Verdict } from '../harness/core/verdict.ts'

export { VERDICT_LABELS } from '../harness/core/verdict.ts'

/** One-character marks that read well in CI logs. */
export const VERDICT_MARKS: Readonly<Record<Verdict, string>> = {
  pass: '✔',
  fail: '✖',
  error: '‼',
  skip: '↷',
  omit: '○',
  cancel: '■',
  wait: '…',
}

export const COVERAGE_LABELS: Readonly<Record<CoverageStatus, string>> = {
  verified: 'vérifiée',
  failed: 'non conforme',
  error: 'erreur du banc',
  'not-run': 'non exécutée',
  manual: 'preuve manuelle attendue',
}

/** Status of an official grid row (report.json officialGrid). */
export const OFFICIAL_STATUS_LABELS: Readonly<Record<OfficialRowStatus, string>> = {
  covered: 'couverte',
  failed: 'non conforme',
  error: 'erreur du banc',
  'not-run': 'non exécutée',
  manual: 'preuve manuelle attendue',
  'not-covered': 'non couverte par le banc',
}

/** An official row whose grid has no category column. */
export const UNSTATED_LEVEL = 'non précisé'

export const LEVEL_LABELS: Readonly<Record<'EXIGENCE' | 'PRECONISATION', string>> = {
  EXIGENCE: 'exigence',
  PRECONISATION: 'préconisation',
}

export const AUTOMATION_LABELS: Readonly<Record<'automatic' | 'manual', string>> = {
  automatic: 'automatique',
  manual: 'manuelle',
}

/** Ségur sections of the catalogue (harness/requirements/requirement.ts), as a reader names them. */
export const SECTION_LABELS: Readonly<Record<string, string>> = {
  INS: 'INS — identité nationale de santé',
  DOC: 'DOC — documents (CDA, CI-SIS)',
  DMP: 'DMP — dossier médical partagé',
  MSS: 'MSS — messagerie sécurisée de santé',
  PSC: 'PSC — Pro Santé Connect',
  ANN: 'ANN — Annuaire Santé',
  SEC: 'SEC — sécurité',
}
