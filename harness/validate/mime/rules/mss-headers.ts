import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { header } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/x-mss-headers'

/**
 * Vague 2 headers of Ref#2 v1.0 (brief §6.2 [S]): recommendations only for a vague 1 DUI, so
 * their absence is a warning. A header the DUI does write must say the truth: a wrong value
 * misleads the receiver (document type, INS) and is an error.
 */
export const mssHeadersRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-009'],
  description: 'En-têtes MSSanté de la vague 2 (X-MSS-CODECDA, X-MSS-INS, X-MSS-NIL) : recommandés ; s\'ils sont écrits, leur valeur doit être juste',
  appliesTo: (ctx) => ctx.kind === 'document',
  check(ctx) {
    const issues: Issue[] = []
    const warn = (message: string) => issues.push(mimeIssue(RULE, 'MSS-009', 'required', message, '1', 'warning'))
    const wrong = (message: string) => issues.push(mimeIssue(RULE, 'MSS-009', 'value', message, '1', 'error'))
    const codes = ctx.xdm.flatMap((xdm) => xdm.documents.flatMap((doc) => (doc.header?.typeCode?.code ? [doc.header.typeCode.code] : [])))
    const codeCda = header(ctx.root, 'X-MSS-CODECDA')
    if (codes.length > 0 && !codeCda) warn('en-tête X-MSS-CODECDA absent (recommandé : codes des documents CDA joints)')
    else if (codeCda && codes.some((code) => !codeCda.split(',').map((c) => c.trim()).includes(code))) wrong(`X-MSS-CODECDA « ${codeCda} » ne reprend pas les codes des documents CDA joints (${codes.join(',')})`)
    const ins = header(ctx.root, 'X-MSS-INS')
    if (!ins) warn('en-tête X-MSS-INS absent (recommandé : O si un INS qualifié est dans l\'archive, N sinon)')
    else if (!/^[ON]$/.test(ins.trim())) wrong(`X-MSS-INS « ${ins} » : valeurs admises O ou N`)
    else if (ins.trim() === 'O' && ctx.xdm.length > 0 && ctx.xdm.every((xdm) => xdm.patients.length === 0)) wrong('X-MSS-INS « O » alors que l\'archive IHE_XDM ne porte aucun INS (ni dans METADATA.XML ni dans les documents CDA)')
    if (!header(ctx.root, 'X-MSS-NIL')) warn('en-tête X-MSS-NIL absent (recommandé : référence produit Convergence)')
    return issues
  },
}
