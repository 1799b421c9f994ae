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

export interface CompileHooks {
  /** Called when the schematron is not cached and its compile starts. */
  readonly onCompileStart?: () => void
  /** Kills the compile under way (the first caller's signal: concurrent callers share one compile). */
  readonly signal?: AbortSignal
}

const memory = new Map<string, ReadySchematron>()
const loading = new Map<string, Promise<ReadySchematron>>()
const compiling = new Map<string, Promise<boolean>>()

/**
 * Returns a schematron compiled to SEF, from memory, from the per-user cache (next to the kit's
 * UTF-8 mirror, so relative doc() URIs resolve into it), or by compiling it now.
 */
export async function loadSchematron(kitDir: string, mirror: string, relativePath: string): Promise<ReadySchematron> {
  const key = `${mirror}\0${relativePath}`
  const known = memory.get(key)
  if (known) return { ...known, compiled: false }
  let job = loading.get(key)
  if (!job) {
    job = ensureCompiled(kitDir, mirror, relativePath)
      .then((compiled) => readCompiled(mirror, relativePath, compiled))
      .finally(() => loading.delete(key))
    loading.set(key, job)
  }
  const ready = await job
  memory.set(key, ready)
  return ready
}

/**
 * Makes sure the compiled form of a schematron is in the cache, without reading it: true when
 * this call compiled it. Concurrent callers share one compile.
 */
export function ensureCompiled(kitDir: string, mirror: string, relativePath: string, hooks: CompileHooks = {}): Promise<boolean> {
  const key = `${mirror}\0${relativePath}`
  let job = compiling.get(key)
  if (!job) {
    job = compileIfMissing(kitDir, mirror, relativePath, hooks).finally(() => compiling.delete(key))
    compiling.set(key, job)
  }
  return job
}

function compiledFiles(mirror: string, relativePath: string): { stem: string; sefFile: string; metaFile: string } {
  const stem = join(mirror, `${relativePath}.c${COMPILER_VERSION}`)
  return { stem, sefFile: `${stem}.sef.json`, metaFile: `${stem}.asserts.json` }
}

function readCompiled(mirror: string, relativePath: string, compiled: boolean): ReadySchematron {
  const { sefFile, metaFile } = compiledFiles(mirror, relativePath)
  const meta = JSON.parse(readFileSync(metaFile, 'utf8')) as { asserts: Record<string, AssertInfo>; notes: string[] }
  return { relativePath, sef: JSON.parse(readFileSync(sefFile, 'utf8')) as unknown, asserts: meta.asserts, notes: meta.notes, compiled }
}

async function compileIfMissing(kitDir: string, mirror: string, relativePath: string, hooks: CompileHooks): Promise<boolean> {
  const { stem, sefFile, metaFile } = compiledFiles(mirror, relativePath)
  if (existsSync(sefFile) && existsSync(metaFile)) return false
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
  return true
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
