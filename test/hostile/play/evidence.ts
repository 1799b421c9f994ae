import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Evidence } from '../../../harness/core/evidence.ts'
import type { Issue } from '../../../harness/core/issue.ts'
import type { EvidenceStore } from '../../../harness/evidence/index.ts'

/** Records a case may have produced arrive a little after the answer (a connection cut, a session closed). */
const RECORD_WAIT_MS = 5_000

/**
 * The first record of `source` made since `since` (an index into the store) that satisfies
 * `accept`, waiting for it a few seconds; undefined when none came.
 */
export async function waitForRecord(evidence: EvidenceStore, source: string, since: number, accept: (record: Evidence) => boolean = () => true): Promise<Evidence | undefined> {
  const deadline = Date.now() + RECORD_WAIT_MS
  for (;;) {
    const found = evidence.all().slice(since).find((record) => record.source === source && accept(record))
    if (found || Date.now() > deadline) return found
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

export function fileBytes(runDir: string, record: Evidence, role: string): Buffer | undefined {
  const file = record.files.find((candidate) => candidate.role === role)
  return file ? readFileSync(join(runDir, file.path)) : undefined
}

/** SHA-256 of what follows the head of a recorded HTTP request (`request.http`). */
export function recordedBodySha256(runDir: string, record: Evidence): string | undefined {
  const bytes = fileBytes(runDir, record, 'request')
  if (!bytes) return undefined
  const split = bytes.indexOf('\r\n\r\n')
  return createHash('sha256').update(split < 0 ? bytes : bytes.subarray(split + 4)).digest('hex')
}

/** Every finding attached to an exchange's meta, wherever the handler put them. */
export function issuesOf(meta: Record<string, unknown> | undefined): Issue[] {
  const issues = meta?.['issues']
  return Array.isArray(issues) ? (issues as Issue[]) : []
}

/** Text an answer says, with the XML escapes of SOAP faults undone, so French reasons match as written. */
export function readable(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}
