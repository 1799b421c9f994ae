import { createHash, randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join, relative } from 'node:path'

/**
 * Per-user cache directory of the harness: $DUI_HARNESS_CACHE_DIR, else the OS cache dir
 * ($XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on macOS, %LOCALAPPDATA% on Windows).
 */
export function defaultCacheDir(): string {
  if (process.env.DUI_HARNESS_CACHE_DIR) return process.env.DUI_HARNESS_CACHE_DIR
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return join(process.env.LOCALAPPDATA, 'dui-harness', 'cache')
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'dui-harness')
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'dui-harness')
}

/** Kit folders whose XML files schematrons may read with doc()/document(). */
const MIRRORED = ['jeuxDeValeurs', 'schematrons']

function walk(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) walk(path, out)
    else if (entry.isFile()) out.push(path)
  }
  return out
}

/** Changes whenever a schematron or value-set file of the kit is added, removed or modified. */
function kitFingerprint(kitDir: string): string {
  const hash = createHash('sha256')
  // Layout 2: mirrors built before concurrent builders were safe may lack files; rebuild them.
  hash.update('mirror-layout-2\n')
  for (const folder of MIRRORED) {
    for (const file of walk(join(kitDir, folder)).sort()) {
      const info = statSync(file)
      hash.update(`${relative(kitDir, file)}\0${info.size}\0${info.mtimeMs}\n`)
    }
  }
  return hash.digest('hex').slice(0, 16)
}

/**
 * Decodes XML bytes with the encoding they declare (or their BOM) and rewrites the
 * declaration as UTF-8: SaxonJS only reads UTF-8 (and an exact "iso-8859-1" declaration).
 */
export function toUtf8Xml(bytes: Buffer): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return bytes.subarray(3).toString('utf8')
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return rewriteDeclaration(new TextDecoder('utf-16le').decode(bytes.subarray(2)))
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return rewriteDeclaration(new TextDecoder('utf-16be').decode(bytes.subarray(2)))
  const declared = /^<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(bytes.subarray(0, 200).toString('latin1'))?.[1]
  const label = declared?.toLowerCase() ?? 'utf-8'
  if (label === 'utf-8' || label === 'utf8') {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    } catch {
      // Declared UTF-8 but is not: the kit's JDVs are sometimes Latin-1 in disguise.
      return rewriteDeclaration(new TextDecoder('windows-1252').decode(bytes))
    }
  }
  return rewriteDeclaration(new TextDecoder(label).decode(bytes))
}

function rewriteDeclaration(text: string): string {
  return text.replace(/^(<\?xml[^>]*encoding\s*=\s*["'])[A-Za-z0-9._-]+(["'])/, '$1UTF-8$2')
}

const mirrors = new Map<string, string>()

/**
 * A UTF-8 copy of the kit's XML files (value sets, schematron vocabularies) under the cache,
 * keyed by the kit's path and fingerprint; compiled schematrons are written next to it so that
 * relative doc() URIs resolve into the copy. Rebuilt when the kit changes.
 */
export function prepareKitMirror(kitDir: string, cacheDir: string = defaultCacheDir()): string {
  const real = realpathSync(kitDir)
  const fingerprint = kitFingerprint(real)
  const memo = `${real}\0${fingerprint}\0${cacheDir}`
  const known = mirrors.get(memo)
  if (known) return known
  const base = join(cacheDir, 'kits', createHash('sha256').update(real).digest('hex').slice(0, 16))
  const mirror = join(base, fingerprint)
  if (!existsSync(join(mirror, '.complete'))) {
    // Each process builds its own copy beside the others and the first rename wins: several
    // campaigns or tests may start on an empty cache at once, and none may delete another's work.
    const staging = join(base, `.staging-${process.pid}-${randomBytes(4).toString('hex')}`)
    mkdirSync(staging, { recursive: true }) // a kit without any XML file still gets its mirror
    for (const folder of MIRRORED) {
      for (const file of walk(join(real, folder))) {
        if (!file.toLowerCase().endsWith('.xml')) continue
        const target = join(staging, relative(real, file))
        mkdirSync(dirname(target), { recursive: true })
        writeFileSync(target, toUtf8Xml(readFileSync(file)))
      }
    }
    writeFileSync(join(staging, '.complete'), `${real}\n`)
    // Left by an older version of the harness: never complete, never read.
    if (existsSync(mirror) && !existsSync(join(mirror, '.complete'))) rmSync(mirror, { recursive: true, force: true })
    try {
      renameSync(staging, mirror)
    } catch (error) {
      rmSync(staging, { recursive: true, force: true })
      // Another process built it at the same time: keep theirs.
      if (!existsSync(join(mirror, '.complete'))) throw error
    }
    // Copies of older versions of this kit are never read again.
    for (const entry of readdirSync(base)) {
      if (entry !== fingerprint && !entry.startsWith('.staging-')) rmSync(join(base, entry), { recursive: true, force: true })
    }
  }
  mirrors.set(memo, mirror)
  return mirror
}
