import type { Issue } from '../../core/issue.ts'
import { hasBlockingIssues, sortIssues } from '../../core/issue.ts'
import { runRules } from '../rule.ts'
import { InputTooLargeError, parseXmlSafely, readFileLimited, withLimits, type XmlLimits } from '../xml/index.ts'
import { HL7_NS, type CdaContext, type CdaRuleOptions } from './context.ts'
import { readHeader, type CdaHeaderInfo } from './header.ts'
import { validateWithKit, type KitProfile } from './kit/index.ts'
import { BUILT_IN_CDA_RULES } from './rules/index.ts'

export type { CdaHeaderInfo, Coded, InstanceIdentifier, PatientInfo } from './header.ts'
export type { CdaContext, CdaRuleOptions, IdentityStatus } from './context.ts'
export { BUILT_IN_CDA_RULES } from './rules/index.ts'
export { MEDICO_SOCIAL_TYPES, type MedicoSocialKind } from './document-types.ts'
export { ALL_KIT_PROFILES, defaultCacheDir, type KitProfile } from './kit/index.ts'

export interface CdaValidationOptions extends CdaRuleOptions {
  /** Official CI-SIS kit directory (testContenuCDA layout): adds XSD + schematron checks. */
  readonly cisisKit?: string
  /** Where compiled schematrons are cached (default: the per-user cache directory). */
  readonly cacheDir?: string
  /** Subset of the kit's checks to run (default: all); tests use it to avoid the large compiles. */
  readonly kitProfiles?: readonly KitProfile[]
  readonly limits?: Partial<XmlLimits>
}

export interface CdaValidationResult {
  /** No fatal or error issue. */
  readonly valid: boolean
  /** Sorted (severity, rule, path, message). */
  readonly issues: readonly Issue[]
  /** Header facts, when the document could be parsed as a ClinicalDocument. */
  readonly header?: CdaHeaderInfo
  /** What the kit mode ran (schematron files, relative to the kit), when it ran. */
  readonly kit?: {
    readonly xsd: boolean
    readonly schematrons: readonly string[]
    /** Schematrons compiled during this call (not found in the cache). */
    readonly compiled: readonly string[]
  }
}

const PARSE_REQUIREMENT = 'DOC-003'

/** Validates a CDA R2 document: built-in CI-SIS rules always, official kit rules on demand. */
export async function validateCda(xml: Buffer | Uint8Array | string, options: CdaValidationOptions = {}): Promise<CdaValidationResult> {
  const parsed = parseXmlSafely(xml, { limits: withLimits(options.limits), requirement: PARSE_REQUIREMENT })
  if (!parsed.ok) return finish(parsed.issues)
  const doc = parsed.doc
  try {
    const root = doc.root
    if (root.name !== 'ClinicalDocument' || root.namespaceUri !== HL7_NS) {
      return finish([
        {
          severity: 'fatal',
          code: 'structure',
          rule: 'cda/root-element',
          message: `L’élément racine doit être ClinicalDocument de l’espace de noms urn:hl7-org:v3 (trouvé « ${root.name} », espace « ${root.namespaceUri || 'aucun'} »).`,
          location: { path: '/', line: root.line },
          requirement: 'DOC-004',
          params: { name: root.name, namespace: root.namespaceUri },
        },
      ])
    }
    const header = readHeader(root)
    const ctx: CdaContext = { doc, root, header, options }
    const issues = runRules(BUILT_IN_CDA_RULES, ctx)
    if (options.cisisKit === undefined) return finish(issues, header)
    const kit = await validateWithKit(xml, doc, header, {
      kitDir: options.cisisKit,
      ...(options.cacheDir !== undefined ? { cacheDir: options.cacheDir } : {}),
      ...(options.kitProfiles !== undefined ? { profiles: options.kitProfiles } : {}),
    })
    return finish([...issues, ...kit.issues], header, { xsd: kit.xsd, schematrons: kit.schematrons, compiled: kit.compiled })
  } finally {
    doc.dispose()
  }
}

/**
 * Reads then validates a file. An oversized file is refused with an issue, without being read;
 * a missing or unreadable file throws (the CLI turns that into exit code 4).
 */
export async function validateCdaFile(path: string, options: CdaValidationOptions = {}): Promise<CdaValidationResult> {
  const limits = withLimits(options.limits)
  let bytes: Buffer
  try {
    bytes = await readFileLimited(path, limits.maxBytes)
  } catch (error) {
    if (error instanceof InputTooLargeError) {
      return finish([
        {
          severity: 'fatal',
          code: 'too-costly',
          rule: 'xml/size-limit',
          message: `Document refusé : ${error.seen} octets, au-delà de la limite de ${error.limit} octets.`,
          location: { path: '/' },
          requirement: PARSE_REQUIREMENT,
          params: { size: error.seen, limit: error.limit },
        },
      ])
    }
    throw error
  }
  return validateCda(bytes, options)
}

function finish(issues: Issue[], header?: CdaHeaderInfo, kit?: CdaValidationResult['kit']): CdaValidationResult {
  const sorted = sortIssues(issues)
  return {
    valid: !hasBlockingIssues(sorted),
    issues: sorted,
    ...(header !== undefined ? { header } : {}),
    ...(kit !== undefined ? { kit } : {}),
  }
}
