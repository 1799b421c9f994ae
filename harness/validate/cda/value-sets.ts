import { readFileSync } from 'node:fs'

/** A value set written as project data (`value-sets/*.json`), from the domain brief. */
export interface ValueSet {
  readonly id: string
  readonly oid: string
  readonly title: string
  /** False when only the concepts the brief lists are known: an unknown code is then a warning. */
  readonly complete: boolean
  readonly source: string
  /**
   * Every (OID) code system the complete value set takes its concepts from, when known: a code
   * from another code system is outside the set even when `concepts` is partial.
   */
  readonly codeSystems?: readonly string[]
  readonly concepts: readonly { readonly code: string; readonly codeSystem: string; readonly displayName: string }[]
}

function load(file: string): ValueSet {
  return JSON.parse(readFileSync(new URL(`./value-sets/${file}`, import.meta.url), 'utf8')) as ValueSet
}

export const typeCodes = load('jdv-j07-xds-type-code.json')
export const confidentialityCodes = load('confidentiality-code.json')
export const insOids = load('ins-oids.json')
export const n1MediaTypes = load('n1-media-type-format-code.json')

export function findConcept(set: ValueSet, code: string | undefined, codeSystem?: string) {
  return set.concepts.find((c) => c.code === code && (codeSystem === undefined || c.codeSystem === codeSystem))
}
