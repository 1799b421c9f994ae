import { readZipSafely } from '../xdm/index.ts'
import { attachmentOf } from './attachments.ts'
import { decodeHeader } from './encoded-words.ts'
import { decodeBody, leaves, parseMimeTree } from './mime-tree.ts'
import { isXdm } from './rules/xdm-and-pdf.ts'

/** One piece of text a message carries around its documents. */
export interface TransportText {
  /** A header field, a text part, an attachment's name, METADATA.XML or another entry of the IHE_XDM archive. */
  readonly place: 'header' | 'body' | 'attachment-name' | 'xdm-metadata' | 'xdm-entry'
  /** Header name, MIME part number, or `IHE_XDM.zip!<entry>`. */
  readonly where: string
  readonly text: string
}

const METADATA = /(^|\/)METADATA\.XML$/i

/**
 * The texts of a message other than the documents it carries: header fields (encoded words
 * decoded), text parts, attachment names, and each IHE_XDM entry that is not one of `documents`
 * (METADATA.XML, INDEX.HTM, README.TXT...). An identifier sent along with the documents shows
 * here; what the documents themselves say (the CDA, its PDF rendering) is judged as documents.
 */
export async function transportTexts(raw: Buffer, documents: ReadonlySet<string>): Promise<TransportText[]> {
  const { root } = parseMimeTree(raw)
  const texts: TransportText[] = root.headers.map((field) => ({ place: 'header', where: field.name, text: decodeHeader(field.value) }))
  for (const part of leaves(root)) {
    if (part.contentType.type.startsWith('text/')) texts.push({ place: 'body', where: part.path, text: decodeBody(part).toString('utf8') })
    for (const attachment of attachmentOf(part)) {
      if (attachment.filename) texts.push({ place: 'attachment-name', where: part.path, text: attachment.filename })
      if (!isXdm(attachment)) continue
      const zip = await readZipSafely(attachment.bytes)
      if (!zip.ok) continue
      for (const [entry, bytes] of zip.entries) {
        if (!documents.has(entry)) texts.push({ place: METADATA.test(entry) ? 'xdm-metadata' : 'xdm-entry', where: `IHE_XDM.zip!${entry}`, text: bytes.toString('utf8') })
      }
    }
  }
  return texts
}
