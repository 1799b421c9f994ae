import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { decodeBody, header } from '../mime-tree.ts'
import { mimeIssue, type MimeContext } from '../context.ts'

const RULE = 'mime/mdn'

/**
 * RFC 8098 MDN, as the MSS-HL7v2 volet shapes it (brief §6.4): multipart/report with
 * report-type=disposition-notification, a message/disposition-notification part carrying
 * Final-Recipient, Disposition and Original-Message-ID.
 */
export const mdnRule: ValidationRule<MimeContext> = {
  id: RULE,
  requirements: ['MSS-008'],
  description: 'Un accusé de lecture (MDN) respecte la RFC 8098 : multipart/report, Final-Recipient, Disposition, Original-Message-ID',
  appliesTo: (ctx) => ctx.kind === 'mdn',
  check(ctx) {
    const issues: Issue[] = []
    const report = ctx.root.children.find((part) => part.contentType.type === 'message/disposition-notification')
    if (!report) return [mimeIssue(RULE, 'MSS-008', 'required', 'l\'accusé ne contient pas de partie message/disposition-notification')]
    const fields = readFields(decodeBody(report).toString('utf8'))
    for (const name of ['final-recipient', 'disposition', 'original-message-id']) {
      if (!fields.has(name)) issues.push(mimeIssue(RULE, 'MSS-008', 'required', `champ ${canonical(name)} absent de la partie message/disposition-notification`, report.path))
    }
    const disposition = fields.get('disposition')
    if (disposition && !/^\s*(manual-action|automatic-action)\/(MDN-sent-manually|MDN-sent-automatically)\s*;\s*(displayed|deleted|dispatched|processed)/i.test(disposition)) {
      issues.push(mimeIssue(RULE, 'MSS-008', 'value', `Disposition « ${disposition} » non conforme à la RFC 8098 §3.2.6`, report.path))
    }
    if (!header(ctx.root, 'In-Reply-To') && !fields.has('original-message-id')) issues.push(mimeIssue(RULE, 'MSS-008', 'required', 'l\'accusé ne désigne pas le message d\'origine'))
    return issues
  },
}

/** Header-like fields of a disposition-notification body, keyed in lower case. */
export function readFields(text: string): Map<string, string> {
  const fields = new Map<string, string>()
  for (const line of text.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const match = /^([A-Za-z-]+):\s*(.*)$/.exec(line)
    if (match?.[1]) fields.set(match[1].toLowerCase(), match[2]!.trim())
  }
  return fields
}

function canonical(name: string): string {
  return name.replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase()).replace('Id', 'ID')
}
