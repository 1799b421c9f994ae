import { XmlAttribute, XmlElement, type XmlDocument, type XmlNode } from 'libxml2-wasm'
import type { Issue, IssueCode, Severity } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'
import { xpathOf } from '../xml/index.ts'
import type { CdaHeaderInfo } from './header.ts'

export const HL7_NS = 'urn:hl7-org:v3'
/** Prefixes usable in the XPath 1.0 expressions of the rules. */
export const CDA_NAMESPACES = { cda: HL7_NS, sdtc: 'urn:hl7-org:sdtc', xsi: 'http://www.w3.org/2001/XMLSchema-instance' }

/** Identity status of the patient in the producing DUI (RNIV), when the caller knows it. */
export type IdentityStatus = 'provisoire' | 'recuperee' | 'validee' | 'qualifiee'

export interface CdaRuleOptions {
  /** What the DUI knows about the patient: lets `cda/ins-qualified-identity` judge the document. */
  readonly identity?: { readonly status: IdentityStatus; readonly ins?: string }
}

/** What every CDA rule receives: the parsed document and the header already read once. */
export interface CdaContext {
  readonly doc: XmlDocument
  readonly root: XmlElement
  readonly header: CdaHeaderInfo
  readonly options: CdaRuleOptions
}

/** Elements selected by an XPath 1.0 expression (prefix `cda`), from `from` or the root. */
export function select(ctx: CdaContext, xpath: string, from: XmlNode = ctx.root): XmlElement[] {
  return from.find(xpath, CDA_NAMESPACES).filter((n): n is XmlElement => n instanceof XmlElement)
}

export function first(ctx: CdaContext, xpath: string, from: XmlNode = ctx.root): XmlElement | undefined {
  return select(ctx, xpath, from)[0]
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attr(name)?.value
}

export interface Finding {
  readonly severity?: Severity
  readonly code?: IssueCode
  readonly message: string
  /** The node at fault, or (for a missing element) the parent where it belongs. */
  readonly at: XmlNode | undefined
  readonly params?: Record<string, unknown>
  /** Overrides the rule's first requirement (e.g. the médico-social type's own id). */
  readonly requirement?: string
}

export type Report = (finding: Finding) => void

interface CdaRuleDefinition {
  readonly id: string
  readonly requirements: readonly string[]
  readonly description: string
  readonly appliesTo?: (ctx: CdaContext) => boolean
  readonly check: (ctx: CdaContext, report: Report) => void
}

/** Builds a rule whose findings carry its id, requirement and the XPath + line of the node. */
export function defineCdaRule(definition: CdaRuleDefinition): ValidationRule<CdaContext> {
  return {
    id: definition.id,
    requirements: definition.requirements,
    description: definition.description,
    appliesTo: definition.appliesTo ?? (() => true),
    check(ctx) {
      const issues: Issue[] = []
      definition.check(ctx, (finding) => {
        const node = finding.at ?? ctx.root
        const line = node instanceof XmlAttribute ? node.parent?.line : node.line
        const requirement = finding.requirement ?? definition.requirements[0]
        issues.push({
          severity: finding.severity ?? 'error',
          code: finding.code ?? 'invariant',
          rule: definition.id,
          message: finding.message,
          location: line !== undefined && line > 0 ? { path: xpathOf(node), line } : { path: xpathOf(node) },
          ...(requirement !== undefined ? { requirement } : {}),
          ...(finding.params !== undefined ? { params: finding.params } : {}),
        })
      })
      return issues
    },
  }
}

/** Shorthand for the frequent "exactly one non-null element" cardinality check. */
export function checkCardinality(
  ctx: CdaContext,
  report: Report,
  xpath: string,
  label: string,
  min: number,
  max: number,
  from: XmlElement = ctx.root,
): XmlElement[] {
  const found = select(ctx, xpath, from)
  if (found.length < min) {
    report({
      code: 'required',
      message: `${label} est obligatoire (cardinalité [${min}..${max === Infinity ? '*' : max}], trouvé ${found.length}).`,
      at: from,
      params: { xpath, min, max: max === Infinity ? '*' : max, found: found.length },
    })
  } else if (found.length > max) {
    report({
      code: 'structure',
      message: `${label} est présent ${found.length} fois (cardinalité [${min}..${max}]).`,
      at: found[max],
      params: { xpath, min, max, found: found.length },
    })
  }
  return found
}

/** uid of the CDA datatypes (OID, UUID or RUID), as the structuration minimale checks it. */
export function isUid(value: string | undefined): boolean {
  if (!value) return false
  return (
    /^[0-2](\.(0|[1-9]\d*))*$/.test(value) ||
    /^[A-Fa-f\d]{8}-[A-Fa-f\d]{4}-[A-Fa-f\d]{4}-[A-Fa-f\d]{4}-[A-Fa-f\d]{12}$/.test(value) ||
    /^[A-Za-z][A-Za-z\d-]*$/.test(value)
  )
}

export function isOid(value: string | undefined): boolean {
  return value !== undefined && /^[0-2](\.(0|[1-9]\d*))*$/.test(value)
}

/** HL7 TS: YYYY[MM[DD[HH[MM[SS[.S+]]]]]][+/-ZZZZ]. */
export function isTs(value: string | undefined): boolean {
  return value !== undefined && /^[0-9]{4}(?:[0-9]{2}){0,5}(?:\.[0-9]+)?(?:[+-][0-9]{4})?$/.test(value)
}
