import { createRequire } from 'node:module'
import { zipSync, type Zippable } from 'fflate'

/** The writer recorded in manifests; a verifier rebuilds the archive only with the same one. */
export const ZIP_WRITER = `fflate ${(createRequire(import.meta.url)('fflate/package.json') as { version: string }).version}`
export const ZIP_LEVEL = 6
// A fixed local date: fflate writes DOS times from local fields, so every zone gives the same bytes.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0)

/** Deterministic zip: same entries in the same order give the same bytes. */
export function writeZip(entries: readonly { readonly name: string; readonly data: Uint8Array }[]): Buffer {
  const files: Zippable = {}
  for (const entry of entries) files[entry.name] = [entry.data, { level: ZIP_LEVEL, mtime: FIXED_MTIME }]
  return Buffer.from(zipSync(files))
}

/** Which part of a zip written by writeZip holds `offset` (for a French message). */
export function describeOffset(zip: Buffer, offset: number): string {
  let at = 0
  while (at + 30 <= zip.length && zip.readUInt32LE(at) === 0x04034b50) {
    const compressed = zip.readUInt32LE(at + 18)
    const nameLength = zip.readUInt16LE(at + 26)
    const extraLength = zip.readUInt16LE(at + 28)
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8')
    const dataStart = at + 30 + nameLength + extraLength
    const next = dataStart + compressed
    if (offset < dataStart) return `en-tête local de « ${name} »`
    if (offset < next) return `données compressées de « ${name} »`
    at = next
  }
  // Central directory: 46-byte headers, then the end record.
  while (at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50) {
    const nameLength = zip.readUInt16LE(at + 28)
    const extraLength = zip.readUInt16LE(at + 30)
    const commentLength = zip.readUInt16LE(at + 32)
    const next = at + 46 + nameLength + extraLength + commentLength
    if (offset < next) return `répertoire central, entrée « ${zip.subarray(at + 46, at + 46 + nameLength).toString('utf8')} »`
    at = next
  }
  return 'fin de l\'archive (enregistrement de fin du répertoire central)'
}
