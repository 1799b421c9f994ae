import type { Attachment } from './context.ts'
import { decodeHeader } from './encoded-words.ts'
import { decodeBody, header, parseContentType, type MimePart } from './mime-tree.ts'

/** A leaf part as an attachment (its name decoded, its body decoded), or nothing for a message text. */
export function attachmentOf(part: MimePart): Attachment[] {
  const disposition = header(part, 'Content-Disposition')
  const parsed = disposition ? parseContentType(disposition) : undefined
  const filename = parsed?.params['filename'] ?? part.contentType.params['name'] ?? rfc2231(parsed?.params['filename*'])
  const isAttachment = parsed?.type === 'attachment' || filename !== undefined || !/^(text|multipart|message)\//.test(part.contentType.type)
  if (!isAttachment) return []
  return [{ part, ...(filename ? { filename: decodeHeader(filename) } : {}), contentType: part.contentType.type, bytes: decodeBody(part) }]
}

function rfc2231(value: string | undefined): string | undefined {
  if (!value) return undefined
  const match = /^[^']*'[^']*'(.*)$/.exec(value)
  return match?.[1] ? decodeURIComponent(match[1]) : value
}
