import { IdIndex } from './id-index.ts'
import type { SharedIdIndex } from './id-index.ts'

/**
 * Per-usager state, compact: an interned index per record id, then typed arrays keyed by that
 * index (ESSMS, admission, exit, event flags). At 1M usagers the flags are 4 bytes each; events
 * themselves are never kept.
 */
export class UsagerTable {
  private readonly ids = new IdIndex()
  private readonly finessIndex = new Map<string, number>()
  /** FINESS géographique by ESSMS index, in order of first appearance. */
  readonly finess: string[] = []
  count = 0
  essms = new Uint32Array(1024)
  admission = new Int32Array(1024)
  exit = new Int32Array(1024)
  flags: Uint32Array

  constructor(readonly words: number) {
    this.flags = new Uint32Array(1024 * words)
  }

  /** Adds a record; returns its index, or -1 when the id is already known. */
  add(id: string, finess: string, admission: number, exit: number): number {
    const bytes = Buffer.from(id, 'utf8')
    const i = this.ids.insert(bytes, 0, bytes.length)
    if (i < 0) return -1
    this.count++
    if (i === this.essms.length) this.grow()
    let e = this.finessIndex.get(finess)
    if (e === undefined) {
      e = this.finess.length
      this.finessIndex.set(finess, e)
      this.finess.push(finess)
    }
    this.essms[i] = e
    this.admission[i] = admission
    this.exit[i] = exit
    return i
  }

  /** The id index on shared memory, for event workers. */
  sharedIds(): SharedIdIndex {
    return this.ids.toShared()
  }

  /** Index of a record id, or -1. */
  indexOf(id: string): number {
    const bytes = Buffer.from(id, 'utf8')
    return this.ids.lookup(bytes, 0, bytes.length)
  }

  /** Index of the record id in buf[start, end), or -1 (the events' hot path: no string). */
  indexOfBytes(buf: Uint8Array, start: number, end: number): number {
    return this.ids.lookup(buf, start, end)
  }

  private grow(): void {
    const size = this.essms.length * 2
    const copy = <T extends Uint32Array | Int32Array>(from: T, to: T): T => {
      to.set(from)
      return to
    }
    this.essms = copy(this.essms, new Uint32Array(size))
    this.admission = copy(this.admission, new Int32Array(size))
    this.exit = copy(this.exit, new Int32Array(size))
    this.flags = copy(this.flags, new Uint32Array(size * this.words))
  }
}
