import type { ValidationRule } from '../../rule.ts'
import { header } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/well-formed'

/** RFC 5322 / RFC 2045-2046 structure: header block, From and Date, multipart delimiters, line length. */
export const wellFormedRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-012'],
  description: 'Le message respecte la syntaxe RFC 5322 / MIME (en-têtes, From, Date, délimiteurs multipart)',
  appliesTo: () => true,
  check(ctx) {
    const issues = ctx.problems.map((problem) => mimeIssue(RULE, 'MSS-012', 'structure', `message MIME mal formé : ${problem.message}`, problem.path))
    for (const name of ['From', 'Date']) {
      if (!header(ctx.root, name)) issues.push(mimeIssue(RULE, 'MSS-012', 'required', `en-tête ${name} absent (obligatoire, RFC 5322 §3.6)`))
    }
    const date = header(ctx.root, 'Date')
    if (date && Number.isNaN(Date.parse(date))) issues.push(mimeIssue(RULE, 'MSS-012', 'value', `en-tête Date illisible : « ${date} »`))
    return issues
  },
}
