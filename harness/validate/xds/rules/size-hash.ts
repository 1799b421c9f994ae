import { createHash } from 'node:crypto'
import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { problem, type SubmissionContext } from './context.ts'

const RULE = 'xds/size-hash'
const REQUIREMENT = 'DMP-003'

/** Declared size and SHA-1 of each document match the bytes actually sent. */
export const sizeHashRule: ValidationRule<SubmissionContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'La taille et l\'empreinte SHA-1 déclarées correspondent aux octets du document envoyé',
  appliesTo: (ctx) => ctx.submission.entries.length > 0,
  check({ submission }) {
    const issues: Issue[] = []
    for (const entry of submission.entries) {
      if (!entry.document) continue // nothing to compare: the structure rules report the missing document
      const bytes = entry.document
      const size = entry.size
      if (!size || size.value === undefined) issues.push(problem(RULE, REQUIREMENT, 'required', `${entry.label} : la taille du document (size) est absente`, size ?? { path: entry.path }))
      else if (size.value !== bytes.length) {
        issues.push(problem(RULE, REQUIREMENT, 'value', `${entry.label} : la taille déclarée est ${size.value} octets, le document envoyé en compte ${bytes.length}`, size, { declared: size.value, actual: bytes.length }))
      }
      const actual = createHash('sha1').update(bytes).digest('hex')
      const hash = entry.hash
      if (!hash || hash.value === undefined) issues.push(problem(RULE, REQUIREMENT, 'required', `${entry.label} : l'empreinte SHA-1 du document (hash) est absente`, hash ?? { path: entry.path }))
      else if (hash.value.hex?.toLowerCase() !== actual) {
        const shown = submission.transport === 'fhir' ? Buffer.from(actual, 'hex').toString('base64') : actual
        issues.push(problem(RULE, REQUIREMENT, 'value', `${entry.label} : l'empreinte déclarée est ${hash.value.raw}, l'empreinte SHA-1 du document envoyé est ${shown}`, hash, { declared: hash.value.raw, actual: shown }))
      }
    }
    return issues
  },
}
