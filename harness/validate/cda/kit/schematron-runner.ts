import type { XmlDocument } from 'libxml2-wasm'
import { XmlElement } from 'libxml2-wasm'
import type { Issue, Severity } from '../../../core/issue.ts'
import { FIELD_SEPARATOR, RECORD_SEPARATOR } from './schematron-compiler.ts'
import { saxonJs } from './saxon.ts'
import type { ReadySchematron } from './schematron-store.ts'

const NAMESPACE_PREFIXES: Readonly<Record<string, string>> = {
  'urn:hl7-org:v3': '',
  'urn:hl7-org:sdtc': 'sdtc:',
  'http://www.w3.org/2001/XMLSchema-instance': 'xsi:',
}

/**
 * fn:path() output (`/Q{urn:hl7-org:v3}ClinicalDocument[1]/Q{urn:hl7-org:v3}code[1]`) in the
 * notation of the built-in rules (`/ClinicalDocument/code[1]`), and its libxml2 XPath twin.
 */
export function normalisePath(path: string): { display: string; query: string } {
  const display = path
    .replace(/Q\{([^}]*)\}/g, (_m, ns: string) => NAMESPACE_PREFIXES[ns] ?? `{${ns}}`)
    .replace(/^\/([^/[]+)\[1\]/, '/$1')
  const query = path.replace(/Q\{urn:hl7-org:v3\}/g, 'cda:').replace(/Q\{urn:hl7-org:sdtc\}/g, 'sdtc:').replace(/Q\{\}/g, '')
  return { display, query }
}

function severityOf(role: string | undefined): Severity {
  const value = role?.toLowerCase()
  if (value === 'warning' || value === 'warn') return 'warning'
  if (value === 'info' || value === 'information' || value === 'note' || value === 'hint') return 'information'
  return 'error'
}

/**
 * Runs one compiled schematron on the document text and returns its findings as issues,
 * keeping the schematron's own message; the line comes from the libxml2 tree of the same text.
 */
export function runSchematron(schematron: ReadySchematron, sourceText: string, doc: XmlDocument, requirement: string): Issue[] {
  const result = saxonJs().transform({ stylesheetInternal: schematron.sef, sourceText, destination: 'serialized' }, 'sync')
  const rule = `kit/${schematron.relativePath.replace(/^schematrons\//, '').replace(/\.sch$/, '')}`
  const issues: Issue[] = []
  for (const record of (result.principalResult ?? '').split(RECORD_SEPARATOR)) {
    if (!record.trim()) continue
    const [key = '', rawPath = '', ...rest] = record.split(FIELD_SEPARATOR)
    const info = schematron.asserts[key]
    const { display, query } = normalisePath(rawPath)
    let line: number | undefined
    try {
      const node = doc.get(query, { cda: 'urn:hl7-org:v3', sdtc: 'urn:hl7-org:sdtc' })
      if (node instanceof XmlElement) line = node.line
    } catch {
      line = undefined // a path libxml2 cannot evaluate: keep the path only
    }
    issues.push({
      severity: severityOf(info?.role),
      code: 'invariant',
      rule,
      message: rest.join(FIELD_SEPARATOR).replace(/\s+/g, ' ').trim(),
      location: line !== undefined ? { path: display, line } : { path: display },
      requirement,
      params: {
        schematron: schematron.relativePath,
        ...(info ? { test: info.test, context: info.context, kind: info.kind, ...(info.pattern !== undefined ? { pattern: info.pattern } : {}) } : {}),
      },
    })
  }
  return issues
}
