import { createReadStream } from 'node:fs'
import { open } from 'node:fs/promises'
import { createGunzip } from 'node:zlib'
import type { Readable } from 'node:stream'
import { IndicatorsInputError } from './input-error.ts'

/** Called once per line, synchronously, with the line's bytes (no newline, no CR) and its 1-based number. */
export type LineHandler = (buf: Buffer, start: number, end: number, line: number) => void

/** Whether the file is gzip, decided by its first two bytes (1f 8b), whatever its name. */
export async function isGzip(path: string): Promise<boolean> {
  let handle
  try {
    handle = await open(path, 'r')
    const head = Buffer.alloc(2)
    const { bytesRead } = await handle.read(head, 0, 2, 0)
    return bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b
  } catch (error) {
    throw new IndicatorsInputError(`${path} : fichier illisible (${(error as Error).message})`)
  } finally {
    await handle?.close()
  }
}

/** Longest line accepted: a longer one means the file is not a line-oriented export. */
export const MAX_LINE_BYTES = 1 << 20

interface Opened {
  readonly stream: Readable
  close(): void
}

function openStream(path: string, gzip: boolean): Opened {
  const raw = createReadStream(path, { highWaterMark: 1 << 20 })
  if (!gzip) return { stream: raw, close: () => raw.destroy() }
  // Inflate runs on the libuv pool: it overlaps with parsing on the main thread.
  const gunzip = createGunzip({ chunkSize: 1 << 20 })
  raw.on('error', (error) => gunzip.destroy(error))
  return {
    stream: raw.pipe(gunzip),
    close: () => {
      gunzip.destroy()
      raw.destroy()
    },
  }
}

/**
 * Streams a file line by line with a hand-rolled splitter over Buffer chunks: no string per line,
 * no promise per line (readline costs both). Memory is one chunk plus one partial line.
 */
export async function forEachLine(path: string, gzip: boolean, onLine: LineHandler): Promise<number> {
  let carry: Buffer | undefined
  let line = 0
  const opened = openStream(path, gzip)
  try {
    for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
      let buf = chunk
      let from = 0
      if (carry !== undefined) {
        const nl = chunk.indexOf(10)
        if (nl < 0) {
          carry = Buffer.concat([carry, chunk])
          if (carry.length > MAX_LINE_BYTES) throw tooLong(path, line + 1)
          continue
        }
        buf = Buffer.concat([carry, chunk.subarray(0, nl + 1)])
        carry = undefined
        line++
        onLine(buf, 0, trimCr(buf, 0, buf.length - 1), line)
        buf = chunk
        from = nl + 1
      }
      let nl = buf.indexOf(10, from)
      while (nl >= 0) {
        line++
        onLine(buf, from, trimCr(buf, from, nl), line)
        from = nl + 1
        nl = buf.indexOf(10, from)
      }
      // Copy the tail: keeping a subarray would pin the whole chunk.
      if (from < buf.length) carry = Buffer.from(buf.subarray(from))
      if (carry !== undefined && carry.length > MAX_LINE_BYTES) throw tooLong(path, line + 1)
    }
  } catch (error) {
    if (error instanceof IndicatorsInputError) throw error
    const code = (error as NodeJS.ErrnoException).code ?? ''
    const why = code.startsWith('Z_') ? 'gzip corrompu ou tronqué' : 'lecture impossible'
    throw new IndicatorsInputError(`${path} : ${why} après la ligne ${line} (${(error as Error).message})`)
  } finally {
    opened.close()
  }
  if (carry !== undefined && carry.length > 0) {
    line++
    onLine(carry, 0, trimCr(carry, 0, carry.length), line)
  }
  return line
}

function tooLong(path: string, line: number): IndicatorsInputError {
  return new IndicatorsInputError(`${path} : ligne ${line} de plus de ${MAX_LINE_BYTES} octets, ce n'est pas un export d'indicateurs`)
}

function trimCr(buf: Buffer, start: number, end: number): number {
  return end > start && buf[end - 1] === 13 ? end - 1 : end
}

/** The first line of a file (decompressed), at most 64 KiB, as text without BOM; '' for an empty file. */
export async function readFirstLine(path: string, gzip: boolean): Promise<string> {
  const parts: Buffer[] = []
  let size = 0
  const opened = openStream(path, gzip)
  try {
    for await (const chunk of opened.stream as AsyncIterable<Buffer>) {
      const nl = chunk.indexOf(10)
      parts.push(nl >= 0 ? chunk.subarray(0, nl) : chunk)
      size += chunk.length
      if (nl >= 0 || size > 65_536) break
    }
  } catch (error) {
    throw new IndicatorsInputError(`${path} : ${gzip ? 'gzip illisible' : 'lecture impossible'} (${(error as Error).message})`)
  } finally {
    opened.close()
  }
  return Buffer.concat(parts).toString('utf8').replace(/^\uFEFF/, '').replace(/\r$/, '')
}
