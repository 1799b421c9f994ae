import { createHash } from 'node:crypto'
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Evidence, EvidenceFile, EvidenceKind } from '../core/evidence.ts'
import { redactSecrets, type Redactor } from './redact.ts'

export interface EvidenceHeader {
  readonly kind: EvidenceKind
  readonly direction: 'incoming' | 'outgoing'
  readonly source: string
}

/**
 * Append-only evidence store of one run. Bytes are written to disk synchronously the moment
 * they are handed over, and every finished record is appended to `evidence/index.ndjson`, so
 * nothing received is lost if the run dies.
 */
export class EvidenceStore {
  readonly #runDir: string
  readonly #records: Evidence[] = []
  /** Secrets are masked before the bytes touch the disk (the sha256 is of what is kept). */
  readonly #redact: Redactor
  #next = 1

  constructor(runDir: string, options: { readonly redact?: Redactor } = {}) {
    this.#runDir = runDir
    this.#redact = options.redact ?? redactSecrets
    mkdirSync(join(runDir, 'evidence'), { recursive: true })
  }

  /** Opens a record; add files as bytes arrive, then `finish` it with its summary. */
  open(header: EvidenceHeader): EvidenceRecorder {
    const id = `e-${String(this.#next++).padStart(4, '0')}`
    return new EvidenceRecorder(this, id, header, new Date().toISOString())
  }

  /** Records a complete exchange in one call. */
  record(header: EvidenceHeader, summary: string, files: readonly NewFile[], handler?: string): Evidence {
    const recorder = this.open(header)
    for (const file of files) recorder.addFile(file)
    return recorder.finish(summary, handler)
  }

  get(id: string): Evidence | undefined {
    return this.#records.find((record) => record.id === id)
  }

  all(): readonly Evidence[] {
    return this.#records
  }

  /** @internal */
  writeFile(id: string, file: NewFile): EvidenceFile {
    const dir = join('evidence', id)
    mkdirSync(join(this.#runDir, dir), { recursive: true })
    const path = join(dir, file.name)
    const bytes = this.#redact(typeof file.data === 'string' ? Buffer.from(file.data, 'utf8') : file.data)
    writeFileSync(join(this.#runDir, path), bytes)
    return {
      path,
      role: file.role,
      ...(file.contentType ? { contentType: file.contentType } : {}),
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
    }
  }

  /** @internal */
  commit(record: Evidence): Evidence {
    this.#records.push(record)
    appendFileSync(join(this.#runDir, 'evidence', 'index.ndjson'), `${JSON.stringify(record)}\n`)
    return record
  }
}

export interface NewFile {
  /** File name inside the record's folder, e.g. `request.bin`. */
  readonly name: string
  /** What the bytes are: `request`, `response`, `message`... */
  readonly role: string
  readonly contentType?: string
  readonly data: Buffer | string
}

export class EvidenceRecorder {
  readonly #files: EvidenceFile[] = []

  constructor(
    private readonly store: EvidenceStore,
    readonly id: string,
    private readonly header: EvidenceHeader,
    private readonly at: string,
  ) {}

  addFile(file: NewFile): EvidenceFile {
    const written = this.store.writeFile(this.id, file)
    this.#files.push(written)
    return written
  }

  finish(summary: string, handler?: string): Evidence {
    return this.store.commit({
      id: this.id,
      ...this.header,
      at: this.at,
      summary,
      ...(handler ? { handler } : {}),
      files: [...this.#files],
    })
  }
}
