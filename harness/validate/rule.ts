import type { Issue } from '../core/issue.ts'

/**
 * A validation rule: one per file, grouped by format under `harness/validate/<format>/`.
 * `check` returns findings as data and never throws for bad input; a throw is a bug in the
 * rule and is reported as an `error` verdict by the runner, not as a `fail`.
 *
 * @example
 * export const bundleIsTransaction: ValidationRule<BundleContext> = {
 *   id: 'fhir/iti65-bundle-type',
 *   requirements: ['DMP-001'],
 *   appliesTo: (ctx) => ctx.bundle !== undefined,
 *   check: (ctx) => ctx.bundle.type === 'transaction' ? [] : [issue(...)],
 * }
 */
export interface ValidationRule<Context> {
  /** Stable id, `<format>/<kebab-name>`; also the `rule` field of its issues. */
  readonly id: string
  /** Our requirement ids this rule evidences. */
  readonly requirements: readonly string[]
  /** Short French description, shown in docs and reports. */
  readonly description: string
  appliesTo(ctx: Context): boolean
  check(ctx: Context): Issue[]
}

/** Runs every applicable rule and returns their issues, unsorted. */
export function runRules<Context>(rules: readonly ValidationRule<Context>[], ctx: Context): Issue[] {
  return rules.filter((rule) => rule.appliesTo(ctx)).flatMap((rule) => rule.check(ctx))
}
