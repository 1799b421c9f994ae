import type { Family } from './case.ts'

/**
 * Ways to spoil a JSON body, applied to a valid one (an ITI-65 bundle, a JSON Patch). `reason`
 * is how the ITI-65 reader words its refusal; `patchReason` the JSON Patch reader's.
 */
export interface JsonAttack {
  readonly variant: string
  readonly family: Family
  spoil(valid: string): Buffer
  /** Rule of the ITI-65 reader: `mhd/iti65-json` (not JSON, not an object) or the R4 schema. */
  readonly rule: 'mhd/iti65-json' | 'fhir/r4-schema'
  readonly reason: RegExp
  /** The JSON Patch reader's refusal; absent when the variant means nothing for a patch. */
  readonly patchReason?: RegExp
}

const NOT_JSON = /n'est pas du JSON valide/
const NOT_UTF8 = /n'est pas encodé en UTF-8 valide/
const PATCH_INVALID = /corps JSON Patch invalide/

/** Raw bytes inside the first JSON string (the text stays JSON, the encoding does not). */
function insideFirstString(valid: string, bytes: readonly number[]): Buffer {
  const at = valid.indexOf('"') + 1
  return Buffer.concat([Buffer.from(valid.slice(0, at)), Buffer.from(bytes), Buffer.from(valid.slice(at))])
}

/** A FHIR element nested `depth` times through a recursive type (Extension.extension). */
function deepExtension(valid: string, depth: number): Buffer {
  const bundle = JSON.parse(valid) as Record<string, unknown>
  const open = '{"url":"urn:x","extension":['.repeat(depth)
  const close = ']}'.repeat(depth)
  const text = JSON.stringify({ ...bundle, extension: ['@'] }).replace('"@"', `${open}{"url":"urn:x","valueString":"fond"}${close}`)
  return Buffer.from(text)
}

export const JSON_ATTACKS: readonly JsonAttack[] = [
  { variant: 'truncated', family: 'invalid-json', spoil: (v) => Buffer.from(v.slice(0, Math.floor(v.length / 2))), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'trailing-garbage', family: 'invalid-json', spoil: (v) => Buffer.from(`${v}}}garbage`), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'empty', family: 'invalid-json', spoil: () => Buffer.alloc(0), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'single-quotes', family: 'invalid-json', spoil: (v) => Buffer.from(v.replace(/"/g, "'")), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'comments', family: 'invalid-json', spoil: (v) => Buffer.from(`/* commentaire */${v}`), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'nan-literal', family: 'invalid-json', spoil: (v) => Buffer.from(v.replace(/^\[?\{/, (m) => `${m}"x":NaN,`)), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'xml-body', family: 'wrong-content-type', spoil: () => Buffer.from('<?xml version="1.0"?><Bundle xmlns="http://hl7.org/fhir"><type value="transaction"/></Bundle>'), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'form-body', family: 'wrong-content-type', spoil: () => Buffer.from('resourceType=Bundle&type=transaction'), rule: 'mhd/iti65-json', reason: NOT_JSON, patchReason: PATCH_INVALID },
  { variant: 'top-level-string', family: 'invalid-json', spoil: (v) => Buffer.from(JSON.stringify(v)), rule: 'mhd/iti65-json', reason: /n'est pas un objet JSON/, patchReason: /tableau d'opérations JSON Patch est attendu/ },
  { variant: 'utf8-invalid-byte', family: 'invalid-utf8', spoil: (v) => insideFirstString(v, [0xff, 0xfe]), rule: 'mhd/iti65-json', reason: NOT_UTF8, patchReason: NOT_UTF8 },
  { variant: 'utf8-overlong', family: 'invalid-utf8', spoil: (v) => insideFirstString(v, [0xc0, 0xae]), rule: 'mhd/iti65-json', reason: NOT_UTF8, patchReason: NOT_UTF8 },
  { variant: 'deep-arrays-200000', family: 'deep-nesting', spoil: () => Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`), rule: 'mhd/iti65-json', reason: /n'est pas un objet JSON/, patchReason: /opération JSON Patch/ },
  { variant: 'deep-objects-100000', family: 'deep-nesting', spoil: () => Buffer.from(`${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`), rule: 'fhir/r4-schema', reason: /schéma FHIR R4/, patchReason: /tableau d'opérations JSON Patch est attendu/ },
  { variant: 'deep-extension-5000', family: 'deep-nesting', spoil: (v) => deepExtension(v, 5_000), rule: 'fhir/r4-schema', reason: /schéma FHIR R4|imbrication/ },
  { variant: 'prototype-pollution', family: 'invalid-json', spoil: (v) => Buffer.from(v.replace(/^\{/, '{"__proto__":{"polluted":"oui"},"constructor":{"prototype":{"polluted":"oui"}},')), rule: 'fhir/r4-schema', reason: /élément inconnu de FHIR R4 : « __proto__ »/ },
]
