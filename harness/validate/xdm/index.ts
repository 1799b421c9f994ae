import { hasBlockingIssues, sortIssues, type Issue } from '../../core/issue.ts'
import { validateCda, type CdaValidationOptions } from '../cda/index.ts'
import { runRules } from '../rule.ts'
import { isPatientRef } from '../xds/index.ts'
import { localPatientId } from '../xds/rules/patient-id.ts'
import { findEntry, METADATA_PATH, SUBSET_DIR, type XdmContext, type XdmDocument } from './context.ts'
import type { ZipLimits } from './limits.ts'
import { readXdmMetadata, type XdmMetadata } from './metadata.ts'
import { readZipSafely } from './read-zip.ts'
import { XDM_RULES } from './rules/index.ts'

export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.ts'
export { readZipSafely, type ZipReadResult } from './read-zip.ts'
export { XDM_RULES } from './rules/index.ts'
export { METADATA_PATH, type XdmDocument } from './context.ts'
export type { XdmMetadata } from './metadata.ts'

export interface XdmValidationOptions {
  readonly limits?: Partial<ZipLimits>
  readonly cda?: CdaValidationOptions
}

export interface XdmValidationResult {
  readonly valid: boolean
  readonly issues: readonly Issue[]
  readonly metadata?: XdmMetadata
  readonly documents: readonly XdmDocument[]
  /** `<oid>|<matricule>` of every INS designating the patient in METADATA.XML or a CDA header. */
  readonly patients: readonly string[]
  /** `<oid>|<identifier>` of every local identifier (CX.5 PI) designating the patient in METADATA.XML. */
  readonly localPatients: readonly string[]
}

/**
 * Validates an IHE_XDM.ZIP: safe reading (limits, zip-slip), layout, METADATA.XML through the
 * shared XDS rules and against each CDA header, and each CDA through the CDA validator.
 */
export async function validateXdm(zip: Buffer, options: XdmValidationOptions = {}): Promise<XdmValidationResult> {
  const read = await readZipSafely(zip, options.limits)
  if (!read.ok) return { valid: false, issues: read.issues, documents: [], patients: [], localPatients: [] }
  const entries = read.entries
  const issues: Issue[] = []
  const metadataEntry = findEntry(entries, METADATA_PATH)
  let metadata: XdmMetadata | undefined
  if (metadataEntry) {
    const resolved = readXdmMetadata(metadataEntry[1], (uri) => findEntry(entries, SUBSET_DIR + uri)?.[1], metadataEntry[0])
    issues.push(...resolved.issues)
    metadata = resolved.metadata
  }
  const documents: XdmDocument[] = []
  for (const uri of metadata?.uris ?? []) {
    const found = uri ? findEntry(entries, SUBSET_DIR + uri) : undefined
    if (!found || !/\.xml$/i.test(found[0])) continue
    const cda = await validateCda(found[1], options.cda)
    issues.push(...cda.issues.map((issue) => ({ ...issue, location: { ...issue.location, path: `${found[0]}${issue.location?.path ? `#${issue.location.path}` : ''}` } })))
    documents.push({ path: found[0], bytes: found[1], ...(cda.header ? { header: cda.header } : {}) })
  }
  const ctx: XdmContext = { entries, ...(metadata ? { metadata } : {}), documents }
  issues.push(...runRules(XDM_RULES, ctx))
  const patients = new Set<string>()
  const localPatients = new Set<string>()
  for (const holder of [...(metadata?.submission.entries ?? []), ...(metadata?.submission.submissionSets ?? [])]) {
    const value = holder.patientId?.value
    const local = value && !isPatientRef(value) ? localPatientId(value.raw) : undefined
    if (isPatientRef(value)) patients.add(`${value.oid}|${value.value}`)
    else if (local) localPatients.add(`${local.oid}|${local.value}`)
  }
  for (const doc of documents) if (doc.header?.patient.ins?.value) patients.add(`${doc.header.patient.ins.oid}|${doc.header.patient.ins.value}`)
  const sorted = sortIssues(issues)
  return { valid: !hasBlockingIssues(sorted), issues: sorted, ...(metadata ? { metadata } : {}), documents, patients: [...patients], localPatients: [...localPatients] }
}
