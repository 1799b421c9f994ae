import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { decodeBody, leaves } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/utf8-text'
const strict = new TextDecoder('utf-8', { fatal: true })

/** Every text/* part that is not an attachment declares charset=UTF-8 and is valid UTF-8. */
export const utf8TextRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-004'],
  description: 'Les parties texte du message sont encodées en UTF-8 (charset=UTF-8 déclaré et octets valides)',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    for (const part of leaves(ctx.root)) {
      if (!part.contentType.type.startsWith('text/') || ctx.attachments.some((a) => a.part === part)) continue
      const charset = part.contentType.params['charset']?.toLowerCase()
      const bytes = decodeBody(part)
      if (charset !== 'utf-8') {
        const ascii = !bytes.some((byte) => byte > 0x7f)
        issues.push(mimeIssue(RULE, 'MSS-004', 'value', `partie ${part.contentType.type} déclarée en ${charset ?? 'us-ascii (par défaut)'} au lieu de UTF-8`, part.path, ascii && !charset ? 'warning' : 'error', { charset: charset ?? null }))
        continue
      }
      try {
        strict.decode(bytes)
      } catch {
        issues.push(mimeIssue(RULE, 'MSS-004', 'value', `partie ${part.contentType.type} déclarée UTF-8 mais ses octets ne sont pas de l'UTF-8 valide`, part.path))
      }
    }
    return issues
  },
}
