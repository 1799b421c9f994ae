import yauzl from 'yauzl'

/** Limits for reading an untrusted zip (a bundle handed back by someone else). */
export interface ZipLimits {
  readonly maxEntries: number
  readonly maxEntryBytes: number
  readonly maxTotalBytes: number
}

export const BUNDLE_ZIP_LIMITS: ZipLimits = { maxEntries: 50_000, maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 * 1024 }

/** The archive itself could not be read (not one entry: the whole zip). */
export class ZipReadError extends Error {
  override readonly name = 'ZipReadError'
}

export interface ZipContent {
  /** Entries in archive order; a name may appear twice in a crafted zip. */
  readonly entries: readonly { readonly name: string; readonly data: Buffer }[]
  /** Entries that were listed but could not be read, with the reason. */
  readonly unreadable: readonly { readonly name: string; readonly reason: string }[]
}

/**
 * Reads every entry of a zip with yauzl: declared sizes checked before inflating, actual sizes
 * validated while inflating, zip-slip names refused by yauzl itself. A bad entry is reported
 * by name and reading goes on; only a broken archive structure throws.
 */
export function readZip(data: Buffer, limits: ZipLimits = BUNDLE_ZIP_LIMITS): Promise<ZipContent> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true, decodeStrings: true }, (openError, zip) => {
      if (openError || !zip) return reject(new ZipReadError(`archive zip illisible : ${openError?.message ?? 'inconnue'}`))
      if (zip.entryCount > limits.maxEntries) {
        zip.close()
        return reject(new ZipReadError(`archive zip refusée : ${zip.entryCount} entrées (maximum ${limits.maxEntries})`))
      }
      const entries: { name: string; data: Buffer }[] = []
      const unreadable: { name: string; reason: string }[] = []
      let total = 0
      let done = false
      const finish = (error?: Error) => {
        if (done) return
        done = true
        zip.close()
        if (error) reject(error)
        else resolve({ entries, unreadable })
      }
      zip.on('error', (error: Error) => finish(new ZipReadError(`archive zip illisible : ${error.message}`)))
      zip.on('end', () => finish())
      zip.on('entry', (entry: yauzl.Entry) => {
        const name = entry.fileName
        if (name.endsWith('/')) return zip.readEntry()
        if (entry.uncompressedSize > limits.maxEntryBytes || total + entry.uncompressedSize > limits.maxTotalBytes) {
          return finish(new ZipReadError(`archive zip refusée : l'entrée « ${name} » déclare ${entry.uncompressedSize} octets (limites ${limits.maxEntryBytes} par entrée, ${limits.maxTotalBytes} au total)`))
        }
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) {
            unreadable.push({ name, reason: streamError?.message ?? 'flux indisponible' })
            return zip.readEntry()
          }
          const chunks: Buffer[] = []
          let size = 0
          let failed = false
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length
            total += chunk.length
            // Declared sizes can lie; count what actually comes out.
            if (size > limits.maxEntryBytes || total > limits.maxTotalBytes) {
              failed = true
              stream.destroy()
              finish(new ZipReadError(`archive zip refusée : l'entrée « ${name} » dépasse les limites de taille`))
              return
            }
            chunks.push(chunk)
          })
          stream.on('error', (error: Error) => {
            if (failed) return
            failed = true
            unreadable.push({ name, reason: error.message })
            zip.readEntry()
          })
          stream.on('end', () => {
            if (failed) return
            entries.push({ name, data: Buffer.concat(chunks) })
            zip.readEntry()
          })
        })
      })
      zip.readEntry()
    })
  })
}
