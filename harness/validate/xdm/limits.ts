/** Limits applied while reading an untrusted zip (IHE_XDM.ZIP). */
export interface ZipLimits {
  readonly maxEntries: number
  /** Per entry, uncompressed. */
  readonly maxEntryBytes: number
  /** Whole archive, uncompressed. */
  readonly maxTotalBytes: number
  /** Uncompressed / compressed ratio above which an entry is a suspected bomb. */
  readonly maxRatio: number
  /** The ratio is only judged past this uncompressed size (tiny XML compresses well too). */
  readonly ratioFloorBytes: number
}

// STACK §5 measured limits: 1 000 entries, 20 MiB per entry, 100 MiB total. An XDM of a DUI
// holds a few documents; MSSanté caps a message at 25 Mo anyway.
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 1000,
  maxEntryBytes: 20 * 1024 * 1024,
  maxTotalBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
}
