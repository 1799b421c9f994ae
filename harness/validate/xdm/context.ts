import type { Issue } from '../../core/issue.ts'
import type { CdaHeaderInfo } from '../cda/index.ts'
import type { XdmMetadata } from './metadata.ts'

/** Where METADATA.XML sits in an IHE_XDM archive (single submission set). */
export const METADATA_PATH = 'IHE_XDM/SUBSET01/METADATA.XML'
export const SUBSET_DIR = 'IHE_XDM/SUBSET01/'

/** A CDA found in the archive, with its header once read. */
export interface XdmDocument {
  readonly path: string
  readonly bytes: Buffer
  readonly header?: CdaHeaderInfo
}

/** What every XDM rule receives. */
export interface XdmContext {
  /** Entry names as written in the zip, and their bytes. */
  readonly entries: ReadonlyMap<string, Buffer>
  readonly metadata?: XdmMetadata
  readonly documents: readonly XdmDocument[]
}

/** Finds an entry by name, ignoring case (ISO 9660 names are upper case, not every writer agrees). */
export function findEntry(entries: ReadonlyMap<string, Buffer>, name: string): [string, Buffer] | undefined {
  const wanted = name.toUpperCase()
  for (const [key, value] of entries) if (key.toUpperCase() === wanted) return [key, value]
  return undefined
}

export function xdmIssue(rule: string, requirement: string, code: Issue['code'], message: string, path: string, params?: Record<string, unknown>): Issue {
  return { severity: 'error', code, rule, requirement, message, location: { path }, ...(params ? { params } : {}) }
}
