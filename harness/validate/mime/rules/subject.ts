import type { ValidationRule } from '../../rule.ts'
import { decodeHeader } from '../encoded-words.ts'
import { header } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/subject-xdm'

/** ECO.2.1.3 [S]: `XDM/1.0/DDM+<libellé> <NOM> <prénom> <date de naissance>`. */
export const subjectRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-002'],
  description: 'L\'objet d\'un message porteur de documents suit la forme XDM/1.0/DDM+<libellé> <NOM> <prénom> <date de naissance>',
  appliesTo: (ctx) => ctx.kind === 'document',
  check(ctx) {
    const raw = header(ctx.root, 'Subject')
    if (!raw) return [mimeIssue(RULE, 'MSS-002', 'required', 'objet (Subject) absent')]
    const subject = decodeHeader(raw)
    if (!subject.startsWith('XDM/1.0/DDM+')) return [mimeIssue(RULE, 'MSS-002', 'value', `l'objet « ${subject} » ne commence pas par XDM/1.0/DDM+`, '1', 'error', { subject })]
    if (!/\S+ \S+ \S+ \d{2}\/\d{2}\/\d{4}$/.test(subject.slice('XDM/1.0/DDM+'.length))) {
      return [mimeIssue(RULE, 'MSS-002', 'value', `l'objet « ${subject} » doit se terminer par <NOM> <prénom> <date de naissance JJ/MM/AAAA>`, '1', 'error', { subject })]
    }
    return []
  },
}
