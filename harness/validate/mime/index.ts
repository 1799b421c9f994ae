import { hasBlockingIssues, sortIssues, type Issue } from '../../core/issue.ts'
import { runRules } from '../rule.ts'
import { validateXdm, type XdmValidationOptions, type XdmValidationResult } from '../xdm/index.ts'
import { attachmentOf } from './attachments.ts'
import type { Attachment, MessageKind, MessageOptions, MimeContext } from './context.ts'
import { decodeHeader } from './encoded-words.ts'
import { decodeBody, header, leaves, parseMimeTree, type MimePart } from './mime-tree.ts'
import { readFields } from './rules/mdn.ts'
import { MIME_RULES } from './rules/index.ts'
import { isXdm } from './rules/xdm-and-pdf.ts'

export type { MessageKind, MessageOptions } from './context.ts'
export { PATIENT_DOMAIN, addresses } from './context.ts'
export { MIME_RULES } from './rules/index.ts'
export { parseMimeTree, type MimePart } from './mime-tree.ts'
export { transportTexts, type TransportText } from './transport-texts.ts'

export interface MessageValidationOptions extends MessageOptions {
  readonly xdm?: XdmValidationOptions
}

/** What the harness learnt from one message, and what it found wrong with it. */
export interface MessageValidationResult {
  readonly valid: boolean
  /** Sorted (severity, rule, path, message). */
  readonly issues: readonly Issue[]
  readonly kind: MessageKind
  readonly messageId?: string
  readonly inReplyTo?: string
  readonly references: readonly string[]
  readonly subject?: string
  /** Address asked for an MDN (`Disposition-Notification-To`). */
  readonly dispositionNotificationTo?: string
  /** For an MDN or a bounce: the Message-ID of the message it is about. */
  readonly originalMessageId?: string
  /** For an MDN: its `Disposition` field. */
  readonly disposition?: string
  /** Matricules INS of the patients designated by the attached IHE_XDM archives. */
  readonly patients: readonly string[]
  /** Local identifiers (IPP, CX.5 PI) designating the patient in METADATA.XML, for an identity not qualified. */
  readonly localPatients: readonly string[]
  readonly attachments: readonly { readonly filename?: string; readonly contentType: string; readonly bytes: number }[]
  readonly xdm: readonly XdmValidationResult[]
}

/**
 * Judges one RFC 5322 message as an MSSanté client must write it: MIME structure, identifiers,
 * UTF-8, and for messages carrying documents the subject, IHE_XDM + PDF pair, single patient,
 * patient addresses and the archive itself; for an MDN, RFC 8098.
 */
export async function validateMessage(raw: Buffer, options: MessageValidationOptions = {}): Promise<MessageValidationResult> {
  const { root, problems } = parseMimeTree(raw)
  const attachments = leaves(root).flatMap((part) => attachmentOf(part))
  const xdm: XdmValidationResult[] = []
  for (const zip of attachments.filter(isXdm)) xdm.push(await validateXdm(zip.bytes, options.xdm))
  const subject = header(root, 'Subject') === undefined ? undefined : decodeHeader(header(root, 'Subject')!)
  const kind = kindOf(root, attachments, subject)
  const ctx: MimeContext = { raw, root, problems, kind, attachments, xdm, options }
  const issues = sortIssues(runRules(MIME_RULES, ctx))
  const report = root.children.find((part) => part.contentType.type === 'message/disposition-notification' || part.contentType.type === 'message/delivery-status')
  const fields = report ? readFields(decodeBody(report).toString('utf8')) : new Map<string, string>()
  const inReplyTo = header(root, 'In-Reply-To')?.trim()
  const original = fields.get('original-message-id') ?? (kind === 'dsn' ? originalFromDsn(root) : undefined) ?? (kind === 'mdn' ? inReplyTo : undefined)
  const messageId = header(root, 'Message-ID')?.trim()
  const dnt = header(root, 'Disposition-Notification-To')
  return {
    valid: !hasBlockingIssues(issues),
    issues,
    kind,
    ...(messageId ? { messageId } : {}),
    ...(inReplyTo ? { inReplyTo } : {}),
    references: header(root, 'References')?.trim().split(/\s+/).filter(Boolean) ?? [],
    ...(subject !== undefined ? { subject } : {}),
    ...(dnt ? { dispositionNotificationTo: dnt } : {}),
    ...(original ? { originalMessageId: original } : {}),
    ...(fields.get('disposition') && kind === 'mdn' ? { disposition: fields.get('disposition')! } : {}),
    patients: [...new Set(xdm.flatMap((result) => result.patients.map((p) => p.split('|')[1]!)))],
    localPatients: [...new Set(xdm.flatMap((result) => result.localPatients.map((p) => p.split('|')[1]!)))],
    attachments: attachments.map((a) => ({ ...(a.filename ? { filename: a.filename } : {}), contentType: a.contentType, bytes: a.bytes.length })),
    xdm,
  }
}

function kindOf(root: MimePart, attachments: readonly Attachment[], subject: string | undefined): MessageKind {
  if (root.contentType.type === 'multipart/report') {
    const type = root.contentType.params['report-type']?.toLowerCase()
    if (type === 'disposition-notification') return 'mdn'
    if (type === 'delivery-status') return 'dsn'
  }
  return attachments.some(isXdm) || subject?.startsWith('XDM/') ? 'document' : 'plain'
}

function originalFromDsn(root: MimePart): string | undefined {
  const original = root.children.find((part) => part.contentType.type === 'message/rfc822' || part.contentType.type === 'text/rfc822-headers')
  const text = original ? decodeBody(original).toString('utf8') : ''
  return /^Message-ID:\s*(\S+)/im.exec(text)?.[1]
}
