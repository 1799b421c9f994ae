import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { header } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/message-id'
/** RFC 5322 msg-id, simplified to dot-atom-text on both sides. */
const MSG_ID = /^<[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-[\]]+>$/

/** Message-ID present and well formed; In-Reply-To and References made of msg-ids (RFC 5322 §3.6.4). */
export const messageIdRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-003'],
  description: 'Message-ID présent et conforme ; In-Reply-To et References composés d\'identifiants de message (RFC 5322 §3.6.4)',
  appliesTo: () => true,
  check(ctx) {
    const issues: Issue[] = []
    const id = header(ctx.root, 'Message-ID')
    if (!id) issues.push(mimeIssue(RULE, 'MSS-003', 'required', 'en-tête Message-ID absent'))
    else if (!MSG_ID.test(id.trim())) issues.push(mimeIssue(RULE, 'MSS-003', 'value', `Message-ID « ${id} » n'a pas la forme <partie-gauche@partie-droite> (RFC 5322)`))
    for (const name of ['In-Reply-To', 'References']) {
      const value = header(ctx.root, name)
      if (value === undefined) continue
      const ids = value.trim().split(/\s+/)
      const bad = ids.filter((part) => !MSG_ID.test(part))
      if (bad.length > 0 || value.trim() === '') issues.push(mimeIssue(RULE, 'MSS-003', 'value', `${name} contient « ${bad.join(' ') || value} », qui n'est pas une liste d'identifiants <…@…>`))
    }
    const inReplyTo = header(ctx.root, 'In-Reply-To')?.trim()
    const references = header(ctx.root, 'References')?.trim().split(/\s+/) ?? []
    if (inReplyTo && MSG_ID.test(inReplyTo) && !references.includes(inReplyTo)) {
      issues.push(mimeIssue(RULE, 'MSS-003', 'invariant', `References doit reprendre l'identifiant du message auquel on répond (${inReplyTo}) (RFC 5322 §3.6.4)`))
    }
    return issues
  },
}
