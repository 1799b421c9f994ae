import { readFileSync } from 'node:fs'
import { join, resolve, sep } from 'node:path'
import type { Evidence, EvidenceFile } from '../harness/core/evidence.ts'
import type { RunReport } from '../harness/core/report.ts'
import { redactSecrets } from '../harness/evidence/redact.ts'
import { findCdaDocuments, readCdaHeader, type CdaField } from './cda-header.ts'

/** Reads an evidence file by its run-relative path; undefined when it is missing. */
export type EvidenceReader = (path: string) => Buffer | undefined

/** How much evidence a report embeds: a report must stay openable in a browser. */
export interface EvidenceBudget {
  readonly perFile: number
  readonly total: number
}

export const DEFAULT_BUDGET: EvidenceBudget = { perFile: 256 * 1024, total: 4 * 1024 * 1024 }

/** What the viewer shows of one evidence file. */
export interface EvidenceFileView {
  readonly file: EvidenceFile
  readonly state: 'shown' | 'truncated' | 'binary' | 'missing' | 'over-budget'
  /** Text to display (present when shown or truncated). */
  readonly text?: string
  /** Bytes embedded in the report. */
  readonly shownBytes: number
  /** Header fields of every CDA document found in the file. */
  readonly cda: readonly (readonly CdaField[])[]
}

/** Reads run-relative paths inside `runDir` only: a crafted report.json cannot read elsewhere. */
export function runDirReader(runDir: string): EvidenceReader {
  const root = resolve(runDir)
  return (path) => {
    const full = resolve(join(root, path))
    if (!full.startsWith(root + sep)) return undefined
    try {
      return readFileSync(full)
    } catch {
      return undefined
    }
  }
}

/**
 * Loads the files of the given evidence records, most important first (`ids` order), within
 * the budget. Bytes are redacted again on the way in: old runs predate the redaction hook.
 */
export function loadEvidenceViews(
  report: RunReport,
  ids: readonly string[],
  read: EvidenceReader | undefined,
  budget: EvidenceBudget = DEFAULT_BUDGET,
): Map<string, EvidenceFileView[]> {
  const views = new Map<string, EvidenceFileView[]>()
  let left = budget.total
  for (const id of ids) {
    const record: Evidence | undefined = report.evidence.find((e) => e.id === id)
    if (!record || views.has(id)) continue
    views.set(
      id,
      record.files.map((file) => {
        const raw = read?.(file.path)
        if (!raw) return { file, state: 'missing', shownBytes: 0, cda: [] }
        const bytes = redactSecrets(raw)
        if (isBinary(bytes)) return { file, state: 'binary', shownBytes: 0, cda: [] }
        if (left <= 0) return { file, state: 'over-budget', shownBytes: 0, cda: [] }
        const cap = Math.min(budget.perFile, left)
        const shown = bytes.subarray(0, cap)
        left -= shown.length
        const full = bytes.toString('utf8')
        const cda = findCdaDocuments(full).flatMap((xml) => {
          const header = readCdaHeader(xml)
          return header ? [header] : []
        })
        if (shown.length < bytes.length) return { file, state: 'truncated', text: shown.toString('utf8'), shownBytes: shown.length, cda }
        return { file, state: 'shown', text: prettyBody(full), shownBytes: shown.length, cda }
      }),
    )
  }
  return views
}

/** NUL bytes or invalid UTF-8 in the first 8 KiB: not worth showing as text. */
function isBinary(bytes: Buffer): boolean {
  const head = bytes.subarray(0, 8192)
  if (head.includes(0)) return true
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.length < bytes.length ? trimPartial(head) : head)
    return false
  } catch {
    return true
  }
}

/** Drops a UTF-8 sequence cut at the end of a sample, so sampling does not look like binary. */
function trimPartial(head: Buffer): Buffer {
  let end = head.length
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = head[end - i]!
    if ((byte & 0xc0) === 0xc0) return head.subarray(0, end - i)
    if ((byte & 0x80) === 0) break
  }
  return head
}

/** HTTP-style message (head, blank line, body): a JSON body is indented for reading. */
function prettyBody(text: string): string {
  const split = text.search(/\r?\n\r?\n/)
  if (split < 0) return text
  const head = text.slice(0, split)
  const body = text.slice(split).replace(/^\r?\n\r?\n/, '')
  if (!/^\s*[{[]/.test(body)) return text
  try {
    return `${head}\n\n${JSON.stringify(JSON.parse(body), null, 2)}`
  } catch {
    return text
  }
}
