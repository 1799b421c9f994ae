import { statSync } from 'node:fs'
import { Worker } from 'node:worker_threads'
import { IndicatorsInputError } from './input-error.ts'
import type { BadRowState } from './bad-rows.ts'
import type { FileLayout } from './export-format.ts'
import type { SharedIdIndex } from './id-index.ts'

/**
 * Event files read by worker threads: each worker looks ids up in the shared (read-only) id
 * index and sets bits in its own flags; the main thread ORs the flags together, which is exactly
 * what one thread reading every file would have set.
 */

export interface EventFile {
  readonly path: string
  readonly gzip: boolean
  readonly layout: FileLayout
}

/** What one worker is given (workerData). */
export interface EventTask {
  readonly files: readonly EventFile[]
  readonly ids: SharedIdIndex
  readonly words: number
  readonly checksByKind: readonly Int32Array[]
  readonly kinds: number
  readonly maxListedBadRows: number
  /** Record index → INS of test identities (cross-check). */
  readonly testUsagers: readonly [number, string][]
  readonly trafficKinds: readonly number[]
}

/** What one worker sends back. */
export type EventTaskResult =
  | {
      readonly ok: true
      readonly flags: Uint32Array
      readonly countsByKind: Float64Array
      readonly badRows: BadRowState
      readonly lines: readonly [string, number][]
      /** [INS, kind index, day] of test identities' MSSanté and DMP events. */
      readonly exported: readonly [string, number, number][]
    }
  | { readonly ok: false; readonly input: boolean; readonly message: string }

/** Splits files into `threads` groups of similar total size (largest first, into the lightest group). */
export function balance(files: readonly EventFile[], threads: number): EventFile[][] {
  const groups = Array.from({ length: Math.min(threads, files.length) }, () => ({ size: 0, files: [] as EventFile[] }))
  const sized = files.map((file) => ({ file, size: statSync(file.path).size })).sort((a, b) => b.size - a.size)
  for (const { file, size } of sized) {
    const lightest = groups.reduce((a, b) => (b.size < a.size ? b : a))
    lightest.files.push(file)
    lightest.size += size
  }
  return groups.map((g) => g.files)
}

// The harness runs TypeScript through tsx: a worker loads its .ts entry through tsx's API.
// The entry is resolved next to this file, so a compiled .js build would load event-worker.js.
function startWorker(task: EventTask): Worker {
  const entry = new URL(import.meta.url.endsWith('.ts') ? './event-worker.ts' : './event-worker.js', import.meta.url).href
  if (!entry.endsWith('.ts')) return new Worker(new URL(entry), { workerData: task })
  const api = import.meta.resolve('tsx/esm/api')
  const source = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(import.meta.url)}))`
  return new Worker(source, { eval: true, workerData: task })
}

type Done = Extract<EventTaskResult, { ok: true }>

function run(worker: Worker): Promise<Done> {
  return new Promise((resolve, reject) => {
    let settled = false
    worker.once('message', (result: EventTaskResult) => {
      settled = true
      void worker.terminate()
      if (result.ok) resolve(result)
      else reject(result.input ? new IndicatorsInputError(result.message) : new Error(result.message))
    })
    worker.once('error', (error) => {
      settled = true
      reject(error)
    })
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`le thread de lecture des évènements s'est arrêté (code ${code})`))
    })
  })
}

/** Runs the tasks in parallel; the first failure stops every worker (an input error stays an input error). */
export async function runEventTasks(tasks: readonly EventTask[]): Promise<Done[]> {
  const workers = tasks.map(startWorker)
  try {
    return await Promise.all(workers.map(run))
  } catch (error) {
    await Promise.all(workers.map((w) => w.terminate()))
    throw error
  }
}
