import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/xdm-and-pdf'

/** ECO.2.1.1 [S]: one IHE_XDM.zip, and as many PDF attachments as documents in it. */
export const xdmAndPdfRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-001'],
  description: 'Un message porteur de documents contient une archive IHE_XDM.zip et les mêmes documents en PDF',
  appliesTo: (ctx) => ctx.kind === 'document',
  check(ctx) {
    const issues: Issue[] = []
    const zips = ctx.attachments.filter(isXdm)
    if (zips.length !== 1) issues.push(mimeIssue(RULE, 'MSS-001', zips.length === 0 ? 'required' : 'invariant', `le message doit contenir exactement une pièce jointe IHE_XDM.zip (trouvé ${zips.length})`))
    const pdfs = ctx.attachments.filter((a) => a.contentType === 'application/pdf' || /\.pdf$/i.test(a.filename ?? ''))
    const documents = ctx.xdm.reduce((sum, xdm) => sum + (xdm.metadata?.submission.entries.length ?? 0), 0)
    if (pdfs.length === 0) issues.push(mimeIssue(RULE, 'MSS-001', 'required', 'aucune pièce jointe PDF : les documents de l\'archive IHE_XDM doivent aussi être joints en PDF'))
    else if (documents > 0 && pdfs.length < documents) issues.push(mimeIssue(RULE, 'MSS-001', 'invariant', `${documents} document(s) dans l'archive IHE_XDM mais ${pdfs.length} PDF joint(s)`))
    for (const pdf of pdfs) if (!pdf.bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) issues.push(mimeIssue(RULE, 'MSS-001', 'value', `la pièce jointe ${pdf.filename ?? pdf.part.path} n'est pas un PDF (signature %PDF- absente)`, pdf.part.path))
    return issues
  },
}

export function isXdm(attachment: { filename?: string; contentType: string }): boolean {
  return /^ihe_xdm\.zip$/i.test(attachment.filename ?? '')
}
