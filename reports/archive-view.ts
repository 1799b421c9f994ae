import type { RunReport } from '../harness/core/report.ts'
import { redactSecrets } from '../harness/evidence/redact.ts'
import { readCdaHeader, type CdaField } from './cda-header.ts'
import type { EvidenceReader } from './evidence-view.ts'
import { readZip, ZipReadError, type ZipLimits } from './zip-read.ts'

/** One entry of a zip found in evidence (an IHE_XDM.ZIP, sent as is or attached to a mail). */
export interface ArchiveEntryView {
  readonly name: string
  readonly bytes: number
  /** Text of small XML/TXT entries (METADATA.XML, README.TXT), cut at TEXT_CAP. */
  readonly text?: string
  readonly truncated: boolean
  readonly cda?: readonly CdaField[]
}

export interface ArchiveView {
  /** `IHE_XDM.zip` (mail attachment name) or the evidence file itself. */
  readonly label: string
  readonly entries: readonly ArchiveEntryView[]
  /** Why the archive could not be listed (limits, corrupt zip). */
  readonly error?: string
}

/** Archives of each evidence file, by run-relative path. */
export type ArchiveViews = ReadonlyMap<string, readonly ArchiveView[]>

// The candidate's archive is untrusted: small limits, the viewer only needs a look inside.
const LIMITS: ZipLimits = { maxEntries: 200, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 32 * 1024 * 1024 }
const TEXT_CAP = 16 * 1024
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04])
/** A MIME part declared as a zip: its header block, then its (base64) body. */
const MIME_ZIP = /(Content-Type:[ \t]*application\/(?:zip|x-zip-compressed|octet-stream)[^\r\n]*(?:\r?\n[^\r\n]+)*)\r?\n\r?\n([A-Za-z0-9+/=\r\n]+)/gi

/** Lists every zip found in the evidence files (read with yauzl, within limits). */
export async function loadArchiveViews(report: RunReport, read: EvidenceReader | undefined): Promise<ArchiveViews> {
  const views = new Map<string, ArchiveView[]>()
  if (!read) return views
  for (const file of report.evidence.flatMap((e) => e.files)) {
    const data = read(file.path)
    if (!data) continue
    const found: ArchiveView[] = []
    if (data.subarray(0, 4).equals(ZIP_MAGIC)) found.push(await listArchive(file.path.split('/').pop() ?? file.path, data))
    else if (/multipart\//i.test(data.subarray(0, 64 * 1024).toString('latin1'))) {
      for (const match of data.toString('latin1').matchAll(MIME_ZIP)) {
        const header = match[1]!
        if (!/Content-Transfer-Encoding:[ \t]*base64/i.test(header)) continue
        const zip = Buffer.from(match[2]!.replace(/\s+/g, ''), 'base64')
        const name = /name="?([^";\r\n]+)/i.exec(header)?.[1] ?? 'pièce jointe zip'
        if (zip.subarray(0, 4).equals(ZIP_MAGIC)) found.push(await listArchive(name, zip))
      }
    }
    if (found.length > 0) views.set(file.path, found)
  }
  return views
}

async function listArchive(label: string, zip: Buffer): Promise<ArchiveView> {
  try {
    const content = await readZip(zip, LIMITS)
    const entries = content.entries.map((entry): ArchiveEntryView => {
      const isText = /\.(xml|txt|htm|html)$/i.test(entry.name)
      const text = isText ? redactSecrets(entry.data).toString('utf8') : undefined
      const cda = text && text.includes('<ClinicalDocument') ? readCdaHeader(text) : undefined
      return {
        name: entry.name,
        bytes: entry.data.length,
        // A CDA is shown by its header; other text entries by their first bytes.
        ...(text !== undefined && !cda ? { text: text.slice(0, TEXT_CAP) } : {}),
        truncated: text !== undefined && !cda && text.length > TEXT_CAP,
        ...(cda ? { cda } : {}),
      }
    })
    const unreadable = content.unreadable.map((u): ArchiveEntryView => ({ name: `${u.name} (illisible : ${u.reason})`, bytes: 0, truncated: false }))
    return { label, entries: [...entries, ...unreadable] }
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error
    return { label, entries: [], error: error.message }
  }
}
