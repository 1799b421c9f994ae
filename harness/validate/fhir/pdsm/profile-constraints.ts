import { readFileSync } from 'node:fs'
import fhirpath from 'fhirpath'
import r4Model from 'fhirpath/fhir-context/r4/index.js'
import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { entryPath, type ProvideBundleContext } from '../mhd/context.ts'

const RULE = 'pdsm/profile-constraints'
const REQUIREMENT = 'DMP-001'

interface Constraint {
  readonly id: string
  readonly resourceType: string
  readonly path: string
  readonly expression: string
  readonly message: string
}

const data = JSON.parse(readFileSync(new URL('./constraints.json', import.meta.url), 'utf8')) as { constraints: Constraint[] }
const compiled = data.constraints.map((constraint) => ({ ...constraint, evaluate: fhirpath.compile(constraint.expression, r4Model) }))

/**
 * The PDSm profile cardinalities the DMP relies on, as FHIRPath expressions kept as data
 * (`constraints.json`), evaluated on each SubmissionSet and DocumentReference of the bundle.
 */
export const pdsmProfileConstraints: ValidationRule<ProvideBundleContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Cardinalités des profils PDSm (fiche et lot de soumission), exprimées en FHIRPath',
  appliesTo: (ctx) => ctx.documentReferences.length + ctx.submissionSets.length > 0,
  check(ctx) {
    const issues: Issue[] = []
    for (const entry of [...ctx.submissionSets, ...ctx.documentReferences]) {
      for (const constraint of compiled.filter((c) => c.resourceType === entry.resource['resourceType'])) {
        const result = constraint.evaluate(entry.resource) as unknown[]
        if (result.length === 1 && result[0] === true) continue
        issues.push({ severity: 'error', code: 'invariant', rule: RULE, requirement: REQUIREMENT, message: `${constraint.message} [${constraint.id} : ${constraint.expression}]`, location: { path: entryPath(entry, `.${constraint.path}`) }, params: { constraint: constraint.id } })
      }
    }
    return issues
  },
}
