import { parentPort, workerData } from 'node:worker_threads'
import { BadRowCollector } from './bad-rows.ts'
import { eventLineHandler } from './event-rows.ts'
import { IdIndex } from './id-index.ts'
import { IndicatorsInputError } from './input-error.ts'
import { forEachLine } from './line-source.ts'
import type { EventTask, EventTaskResult } from './parallel-events.ts'

// Worker thread entry: reads some event files against the shared id index, with its own flags.
const task = workerData as EventTask
const ids = IdIndex.fromShared(task.ids)
const flags = new Uint32Array(task.ids.count * task.words)
const table = {
  flags,
  indexOf: (id: string): number => {
    const bytes = Buffer.from(id, 'utf8')
    return ids.lookup(bytes, 0, bytes.length)
  },
  indexOfBytes: (buf: Uint8Array, start: number, end: number): number => ids.lookup(buf, start, end),
}
const badRows = new BadRowCollector(task.maxListedBadRows)
const countsByKind = new Float64Array(task.kinds)
const testUsagers = new Map(task.testUsagers)
const exported: [string, number, number][] = []
const lines: [string, number][] = []

try {
  for (const file of task.files) {
    const onEvent =
      testUsagers.size === 0
        ? undefined
        : (index: number, kind: number, day: number): void => {
            const ins = testUsagers.get(index)
            if (ins !== undefined && task.trafficKinds.includes(kind)) exported.push([ins, kind, day])
          }
    const handler = eventLineHandler(file.path, file.layout, { table, words: task.words, checksByKind: task.checksByKind, badRows, countsByKind, ...(onEvent === undefined ? {} : { onEvent }) })
    lines.push([file.path, await forEachLine(file.path, file.gzip, handler)])
  }
  const result: EventTaskResult = { ok: true, flags, countsByKind, badRows: badRows.state(), lines, exported }
  parentPort!.postMessage(result, [flags.buffer])
} catch (error) {
  parentPort!.postMessage({ ok: false, input: error instanceof IndicatorsInputError, message: (error as Error).message } satisfies EventTaskResult)
}
