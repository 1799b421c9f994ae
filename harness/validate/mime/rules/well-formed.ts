import type { ValidationRule } from '../../rule.ts'
import { header } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/well-formed'
/**
 * RFC 5322 §3.3 date-time, with the obsolete forms of §4.3 a reader must accept (2-digit year,
 * named zones) and a trailing comment: `[Mon, ]1 Jan 2024 10:00[:00] +0100`.
 */
const DATE_TIME = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+\d{2,}\s+\d{2}\s*:\s*\d{2}(?:\s*:\s*\d{2})?\s+(?:[+-]\d{4}|UT|GMT|[ECMP][SD]T|[A-IK-Z])(?:\s*\([^()]*\))?$/i

/** RFC 5322 / RFC 2045-2046 structure: header block, From and Date, multipart delimiters, line length. */
export const wellFormedRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-012'],
  description: 'Le message respecte la syntaxe RFC 5322 / MIME (en-têtes, From, Date au format §3.3, délimiteurs multipart)',
  appliesTo: () => true,
  check(ctx) {
    const issues = ctx.problems.map((problem) => mimeIssue(RULE, 'MSS-012', 'structure', `message MIME mal formé : ${problem.message}`, problem.path))
    for (const name of ['From', 'Date']) {
      if (!header(ctx.root, name)) issues.push(mimeIssue(RULE, 'MSS-012', 'required', `en-tête ${name} absent (obligatoire, RFC 5322 §3.6)`))
    }
    const date = header(ctx.root, 'Date')
    if (date && (!DATE_TIME.test(date) || Number.isNaN(Date.parse(date)))) issues.push(mimeIssue(RULE, 'MSS-012', 'value', `en-tête Date « ${date} » hors du format RFC 5322 §3.3 (ex. « Mon, 1 Jan 2024 10:00:00 +0100 »)`))
    return issues
  },
}
