import yauzl from 'yauzl'
import type { Entry, ZipFile } from 'yauzl'
import type { Issue } from '../../core/issue.ts'
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.ts'

export type ZipReadResult =
  | { readonly ok: true; readonly entries: ReadonlyMap<string, Buffer> }
  | { readonly ok: false; readonly issues: Issue[] }

const REQUIREMENT = 'MSS-006'

/**
 * Reads an untrusted zip entirely in memory, refusing before inflating when the declared sizes
 * break a limit, and counting the inflated bytes (a zip may lie about its sizes). yauzl itself
 * refuses absolute and `..` paths and, with `strictFileNames`, backslashes (zip-slip).
 */
export async function readZipSafely(zip: Buffer, limits: Partial<ZipLimits> = {}): Promise<ZipReadResult> {
  const limit = { ...DEFAULT_ZIP_LIMITS, ...limits }
  let file: ZipFile
  try {
    file = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (error, opened) => (error ? reject(error) : resolve(opened))),
    )
  } catch (error) {
    return refused(classify(error), { reason: message(error) })
  }
  if (file.entryCount > limit.maxEntries) {
    file.close()
    return refused(['xdm/zip-entry-count', 'too-costly', `archive refusée : ${file.entryCount} entrées, au-delà de la limite de ${limit.maxEntries}`], { entries: file.entryCount })
  }
  const entries = new Map<string, Buffer>()
  let total = 0
  return new Promise<ZipReadResult>((resolve) => {
    const stop = (result: ZipReadResult) => {
      file.close()
      resolve(result)
    }
    file.on('error', (error: unknown) => stop(refused(classify(error), { reason: message(error) })))
    file.on('end', () => resolve({ ok: true, entries }))
    file.on('entry', (entry: Entry) => {
      const name = entry.fileName
      if (name.endsWith('/')) return file.readEntry()
      const declared = precheck(entry, limit, total)
      if (declared) return stop(refused(declared, { entry: name, declared: entry.uncompressedSize, compressed: entry.compressedSize }, name))
      file.openReadStream(entry, (error, stream) => {
        if (error) return stop(refused(classify(error), { reason: message(error) }, name))
        const chunks: Buffer[] = []
        let size = 0
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length
          total += chunk.length
          // The declared size was checked, but count anyway: a liar is cut off here.
          if (size > limit.maxEntryBytes || total > limit.maxTotalBytes) {
            stream.destroy()
            stop(refused(['xdm/zip-size', 'too-costly', `archive refusée : l'entrée ${name} dépasse la taille autorisée une fois décompressée`], { entry: name }, name))
            return
          }
          chunks.push(chunk)
        })
        stream.on('error', (streamError: unknown) => stop(refused(classify(streamError), { reason: message(streamError) }, name)))
        stream.on('end', () => {
          entries.set(name, Buffer.concat(chunks))
          file.readEntry()
        })
      })
    })
    file.readEntry()
  })
}

type Finding = readonly [rule: string, code: Issue['code'], message: string]

function precheck(entry: Entry, limit: ZipLimits, total: number): Finding | undefined {
  const name = entry.fileName
  const size = entry.uncompressedSize
  if (size > limit.maxEntryBytes) return ['xdm/zip-size', 'too-costly', `archive refusée : l'entrée ${name} déclare ${size} octets décompressés, au-delà de la limite de ${limit.maxEntryBytes}`]
  if (total + size > limit.maxTotalBytes) return ['xdm/zip-size', 'too-costly', `archive refusée : plus de ${limit.maxTotalBytes} octets décompressés au total`]
  const ratio = size / Math.max(1, entry.compressedSize)
  if (size > limit.ratioFloorBytes && ratio > limit.maxRatio) {
    return ['xdm/zip-ratio', 'too-costly', `archive refusée : l'entrée ${name} se décompresse ${Math.round(ratio)} fois (limite ${limit.maxRatio}), bombe de décompression probable`]
  }
  return undefined
}

function classify(error: unknown): Finding {
  const text = message(error)
  if (/invalid relative path|absolute path|invalid characters in fileName/.test(text)) {
    return ['xdm/zip-path', 'security', `archive refusée : chemin d'entrée dangereux (« zip-slip ») : ${text}`]
  }
  if (/too many bytes|too few bytes|not enough bytes/.test(text)) return ['xdm/zip-size', 'too-costly', `archive refusée : une entrée ne fait pas la taille qu'elle déclare (${text})`]
  return ['xdm/zip-corrupt', 'structure', `archive ZIP illisible : ${text}`]
}

function refused(finding: Finding, params: Record<string, unknown>, path?: string): { ok: false; issues: Issue[] } {
  const [rule, code, text] = finding
  return { ok: false, issues: [{ severity: 'fatal', code, rule, message: text, requirement: REQUIREMENT, params, ...(path ? { location: { path } } : {}) }] }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
