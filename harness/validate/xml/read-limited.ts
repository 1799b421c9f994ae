import { open, stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'

/** Thrown when an input is larger than allowed; the caller turns it into an issue. */
export class InputTooLargeError extends Error {
  override readonly name = 'InputTooLargeError'
  constructor(
    readonly limit: number,
    readonly seen: number,
  ) {
    super(`entrée trop volumineuse : plus de ${limit} octets (au moins ${seen} octets lus ou annoncés)`)
  }
}

/**
 * Reads a file without ever holding more than `maxBytes + 1` bytes: the size is checked with
 * stat() first, then the read stops one byte past the limit (the file may grow meanwhile).
 */
export async function readFileLimited(path: string, maxBytes: number): Promise<Buffer> {
  const info = await stat(path)
  if (!info.isFile()) throw Object.assign(new Error(`${path} n'est pas un fichier`), { code: 'EISDIR' })
  if (info.size > maxBytes) throw new InputTooLargeError(maxBytes, info.size)
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1)
    let filled = 0
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled)
      if (bytesRead === 0) break
      filled += bytesRead
      if (filled > maxBytes) throw new InputTooLargeError(maxBytes, filled)
      if (filled === buffer.length) break
    }
    return buffer.subarray(0, filled)
  } finally {
    await handle.close()
  }
}

/**
 * Collects a stream into a Buffer and aborts (destroying the stream) as soon as more than
 * `maxBytes` arrived, so a 200 MB upload costs at most `maxBytes` plus one chunk of memory.
 */
export async function readStreamLimited(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    total += bytes.length
    if (total > maxBytes) {
      stream.destroy()
      throw new InputTooLargeError(maxBytes, total)
    }
    chunks.push(bytes)
  }
  return Buffer.concat(chunks, total)
}
