/**
 * Interns record ids into dense indexes 0..n-1, keyed on the id's bytes, so an event's id is looked
 * up without making a string. Random lookups over a million ids are bound by memory latency (a V8
 * Map of 1M strings measured ~1.7 µs per lookup on the bench machine), so each slot of this
 * open-addressing table is 32 bytes holding the index, the hash, the length and the first 20 bytes
 * of the id: a lookup of a short id touches one slot and nothing else. Longer ids are checked
 * against a byte pool for their remaining bytes.
 */
const SLOT_INTS = 8
const INLINE_BYTES = 20

/** The table's arrays on shared memory, for worker threads that only look ids up. */
export interface SharedIdIndex {
  readonly count: number
  readonly mask: number
  readonly slots: Int32Array<ArrayBufferLike>
  readonly tails: Int32Array<ArrayBufferLike>
  readonly pool: Uint8Array<ArrayBufferLike>
}

// Allocated on shared memory from the start, so worker threads can read the table without a copy.
function ints(length: number): Int32Array<ArrayBufferLike> {
  return new Int32Array(new SharedArrayBuffer(length * 4))
}

function bytes(length: number): Buffer<ArrayBufferLike> {
  return Buffer.from(new SharedArrayBuffer(length))
}

export class IdIndex {
  count = 0
  /** Slot s: [index + 1 (0 = empty), hash, length, 5 ints of inline bytes]. */
  private slots = ints(1024 * SLOT_INTS)
  private mask = 1023
  /** Bytes past the inline ones, for long ids; tail of id i at [tails[2i], tails[2i] + length - 20). */
  private pool = bytes(0)
  private poolUsed = 0
  private tails = ints(0)

  /** The table's shared arrays (no copy); the table must not change while workers read it. */
  toShared(): SharedIdIndex {
    return { count: this.count, mask: this.mask, slots: this.slots, tails: this.tails, pool: this.pool.subarray(0, this.poolUsed) }
  }

  /** A lookup-only view over a shared table (inserting into it is not supported). */
  static fromShared(table: SharedIdIndex): IdIndex {
    const index = new IdIndex()
    index.count = table.count
    index.mask = table.mask
    index.slots = table.slots
    index.tails = table.tails
    index.pool = Buffer.from(table.pool.buffer, table.pool.byteOffset, table.pool.byteLength)
    index.poolUsed = table.pool.byteLength
    return index
  }

  /** Index of the id in buf[start, end), or -1. */
  lookup(buf: Uint8Array, start: number, end: number): number {
    const h = hash(buf, start, end)
    const slots = this.slots
    let slot = h & this.mask
    for (;;) {
      const base = slot * SLOT_INTS
      const entry = slots[base]!
      if (entry === 0) return -1
      if (slots[base + 1] === h && this.matches(base, buf, start, end)) return entry - 1
      slot = (slot + 1) & this.mask
    }
  }

  /** Adds the id and returns its new index, or -1 when it is already there. */
  insert(buf: Uint8Array, start: number, end: number): number {
    if ((this.count + 1) * 4 > (this.mask + 1) * 3) this.resize((this.mask + 1) * 2)
    const h = hash(buf, start, end)
    let slot = h & this.mask
    for (;;) {
      const base = slot * SLOT_INTS
      if (this.slots[base] === 0) break
      if (this.slots[base + 1] === h && this.matches(base, buf, start, end)) return -1
      slot = (slot + 1) & this.mask
    }
    const index = this.count++
    const base = slot * SLOT_INTS
    const length = end - start
    this.slots[base] = index + 1
    this.slots[base + 1] = h
    this.slots[base + 2] = length
    for (let j = 0; j < Math.min(length, INLINE_BYTES); j++) this.slots[base + 3 + (j >> 2)]! |= buf[start + j]! << ((j & 3) * 8)
    if (length > INLINE_BYTES) this.storeTail(index, buf, start + INLINE_BYTES, end)
    return index
  }

  private matches(base: number, buf: Uint8Array, start: number, end: number): boolean {
    const slots = this.slots
    const length = end - start
    if (slots[base + 2] !== length) return false
    const inline = length < INLINE_BYTES ? length : INLINE_BYTES
    for (let j = 0; j < inline; j++) {
      if (((slots[base + 3 + (j >> 2)]! >>> ((j & 3) * 8)) & 0xff) !== buf[start + j]) return false
    }
    if (length <= INLINE_BYTES) return true
    const from = this.tails[2 * (slots[base]! - 1)]!
    for (let j = INLINE_BYTES; j < length; j++) if (this.pool[from + j - INLINE_BYTES] !== buf[start + j]) return false
    return true
  }

  private storeTail(index: number, buf: Uint8Array, start: number, end: number): void {
    if (2 * index + 2 > this.tails.length) {
      const tails = ints(Math.max(1024, 2 * (index + 1) * 2))
      tails.set(this.tails)
      this.tails = tails
    }
    const length = end - start
    if (this.poolUsed + length > this.pool.length) {
      const pool = bytes(Math.max(1 << 16, this.pool.length * 2, this.poolUsed + length))
      this.pool.copy(pool, 0, 0, this.poolUsed)
      this.pool = pool
    }
    this.pool.set(buf.subarray(start, end), this.poolUsed)
    this.tails[2 * index] = this.poolUsed
    this.poolUsed += length
  }

  private resize(size: number): void {
    const old = this.slots
    const slots = ints(size * SLOT_INTS)
    const mask = size - 1
    for (let base = 0; base < old.length; base += SLOT_INTS) {
      if (old[base] === 0) continue
      let slot = old[base + 1]! & mask
      while (slots[slot * SLOT_INTS] !== 0) slot = (slot + 1) & mask
      slots.set(old.subarray(base, base + SLOT_INTS), slot * SLOT_INTS)
    }
    this.slots = slots
    this.mask = mask
  }
}

/** FNV-1a then a murmur finaliser, so ids differing only in their last digits spread over the table. */
function hash(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h | 0
}
