import { existsSync } from 'node:fs'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { mapPool } from '../../../core/map-pool.ts'
import { prepareKitMirror } from './cache.ts'
import { ensureCompiled } from './schematron-store.ts'
import { MEDICO_SOCIAL_VOLET_FILES, PROFILE_SCHEMATRONS } from './select-schematrons.ts'

export interface KitPreparation {
  /** Schematrons compiled now (absent from the cache). */
  readonly compiled: string[]
  /** Schematrons already in the cache. */
  readonly cached: string[]
  /** Schematrons that could not be compiled, with the reason; documents will say so. */
  readonly failed: { readonly file: string; readonly reason: string }[]
  readonly durationMs: number
}

export interface PrepareKitOptions {
  readonly cacheDir?: string
  /** One French line per event, for the operator (the first compile takes minutes). */
  readonly onProgress?: (line: string) => void
  /** Stops the compiles: the ones under way are killed, the others not started. */
  readonly signal?: AbortSignal
}

/**
 * Compiles, before any document arrives, the schematrons every campaign in kit mode runs: the
 * four profile schematrons and the médico-social volets. Their first compile takes one to two
 * minutes on a small machine; done lazily, it would be charged to the first step that sends a
 * document and blow its time budget. Compiles run side by side, one per core. Only the cache on
 * disk is filled: each schematron is read into memory when a document first needs it.
 */
export async function prepareKit(kitDir: string, options: PrepareKitOptions = {}): Promise<KitPreparation> {
  const started = performance.now()
  const root = resolve(kitDir)
  const mirror = prepareKitMirror(root, options.cacheDir)
  const files = [...Object.values(PROFILE_SCHEMATRONS), ...MEDICO_SOCIAL_VOLET_FILES].filter((file) => existsSync(join(root, file)))
  const compiled: string[] = []
  const cached: string[] = []
  const failed: { file: string; reason: string }[] = []
  const say = options.onProgress ?? (() => {})
  let announced = false
  await mapPool(files, availableParallelism(), async (file) => {
    if (options.signal?.aborted) return
    const fileStarted = performance.now()
    try {
      const compiledNow = await ensureCompiled(root, mirror, file, {
        ...(options.signal ? { signal: options.signal } : {}),
        onCompileStart: () => {
          if (announced) return
          announced = true
          say('Kit CI-SIS : compilation des schématrons (première utilisation de ce kit, 1 à 3 minutes ; mise en cache ensuite)…')
        },
      })
      if (!compiledNow) return void cached.push(file)
      compiled.push(file)
      say(`Kit CI-SIS : ${file} compilé en ${((performance.now() - fileStarted) / 1000).toFixed(1)} s`)
    } catch (error) {
      if (options.signal?.aborted) return
      const reason = error instanceof Error ? error.message : String(error)
      failed.push({ file, reason })
      say(`Kit CI-SIS : ${file} n’a pas pu être compilé : ${reason}`)
    }
  })
  return { compiled, cached, failed, durationMs: performance.now() - started }
}
