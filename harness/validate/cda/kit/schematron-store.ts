import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { COMPILER_VERSION, compileSchematron, type AssertInfo } from './schematron-compiler.ts'
import { restoreMissingVocabularies } from './missing-vocabularies.ts'
import { compileXsltToSef } from './xslt-compile.ts'

export interface ReadySchematron {
  /** Path relative to the kit, e.g. `schematrons/profils/IHE.sch`. */
  readonly relativePath: string
  /** The parsed SEF (JSON), handed to SaxonJS as `stylesheetInternal`. */
  readonly sef: unknown
  readonly asserts: Record<string, AssertInfo>
  readonly notes: readonly string[]
  /** True when this call compiled it (cold), false when it came from the cache. */
  readonly compiled: boolean
}

export interface LoadHooks {
  /** Called when the schematron is not cached and its compile starts. */
  readonly onCompileStart?: () => void
  /** Kills the compile under way (the first caller's signal: concurrent callers share one compile). */
  readonly signal?: AbortSignal
}

const memory = new Map<string, ReadySchematron>()
const pending = new Map<string, Promise<ReadySchematron>>()

/**
 * Returns a schematron compiled to SEF, from memory, from the per-user cache (next to the kit's
 * UTF-8 mirror, so relative doc() URIs resolve into it), or by compiling it now.
 */
export async function loadSchematron(kitDir: string, mirror: string, relativePath: string, hooks: LoadHooks = {}): Promise<ReadySchematron> {
  const key = `${mirror}\0${relativePath}`
  const known = memory.get(key)
  if (known) return { ...known, compiled: false }
  let job = pending.get(key)
  if (!job) {
    job = prepare(kitDir, mirror, relativePath, hooks).finally(() => pending.delete(key))
    pending.set(key, job)
  }
  const ready = await job
  memory.set(key, ready)
  return ready
}

async function prepare(kitDir: string, mirror: string, relativePath: string, hooks: LoadHooks): Promise<ReadySchematron> {
  const stem = join(mirror, `${relativePath}.c${COMPILER_VERSION}`)
  const sefFile = `${stem}.sef.json`
  const metaFile = `${stem}.asserts.json`
  if (existsSync(sefFile) && existsSync(metaFile)) {
    const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { asserts: Record<string, AssertInfo>; notes: string[] }
    return { relativePath, sef: JSON.parse(readFileSync(sefFile, 'utf8')) as unknown, asserts: meta.asserts, notes: meta.notes, compiled: false }
  }
  hooks.onCompileStart?.()
  const compiled = compileSchematron(join(kitDir, relativePath))
  const notes = [...compiled.notes, ...restoreMissingVocabularies(kitDir, mirror, relativePath, compiled.xslt)]
  mkdirSync(dirname(stem), { recursive: true })
  const tmp = `${stem}.${process.pid}.${Date.now()}`
  // The XSLT sits where the schematron sits in the mirror: its static base URI is the kit's.
  const xslFile = `${tmp}.xsl`
  writeFileSync(xslFile, compiled.xslt)
  try {
    await compileXsltToSef(xslFile, `${tmp}.sef.json`, hooks.signal)
  } catch (error) {
    for (const leftover of [xslFile, `${tmp}.sef.json`]) rmSync(leftover, { force: true })
    throw error
  }
  writeFileSync(`${tmp}.asserts.json`, JSON.stringify({ asserts: compiled.asserts, notes }))
  renameSync(`${tmp}.asserts.json`, metaFile)
  renameSync(`${tmp}.sef.json`, sefFile)
  renameSync(xslFile, `${stem}.xsl`) // kept for debugging; same folder, same base URI
  removeOtherVersions(dirname(stem), basename(relativePath))
  return { relativePath, sef: JSON.parse(readFileSync(sefFile, 'utf8')) as unknown, asserts: compiled.asserts, notes, compiled: true }
}

/** Drops the forms compiled by other versions of our compiler (they are never read again). */
function removeOtherVersions(dir: string, name: string): void {
  const current = `${name}.c${COMPILER_VERSION}.`
  for (const file of readdirSync(dir)) {
    if (file.startsWith(`${name}.c`) && /^\d+\./.test(file.slice(name.length + 2)) && !file.startsWith(current)) {
      rmSync(join(dir, file), { force: true })
    }
  }
}
