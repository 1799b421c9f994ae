import type { Issue } from '../../../core/issue.ts'
import type { CdaHeaderInfo } from '../../cda/index.ts'
import type { DocumentEntry, Located, Submission } from '../model.ts'

/** What the metadata rules see: the submission, and the CDA header of each document when parsed. */
export interface SubmissionContext {
  readonly submission: Submission
  readonly headers?: ReadonlyMap<DocumentEntry, CdaHeaderInfo>
}

/** An error issue at a located field. */
export function problem(rule: string, requirement: string, code: Issue['code'], message: string, at: Located<unknown> | { path: string }, params?: Record<string, unknown>): Issue {
  return { severity: 'error', code, rule, requirement, message, location: { path: at.path }, ...(params ? { params } : {}) }
}
