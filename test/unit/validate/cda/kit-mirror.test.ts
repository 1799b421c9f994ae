import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, TSX_LOADER } from '../../../helpers/cli.ts'

const scratch = mkdtempSync(join(tmpdir(), 'dui-kit-mirror-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))
const CACHE_MODULE = pathToFileURL(join(REPO_ROOT, 'harness/validate/cda/kit/cache.ts')).href

/** prepareKitMirror in its own process, as a campaign or a test file would call it. */
function buildMirror(kit: string, cacheDir: string): Promise<string> {
  const code = `import { prepareKitMirror } from ${JSON.stringify(CACHE_MODULE)}; process.stdout.write(prepareKitMirror(${JSON.stringify(kit)}, ${JSON.stringify(cacheDir)}))`
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, '--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (status) => (status === 0 ? resolve(out) : reject(new Error(err))))
  })
}

describe('kit mirror in the cache', () => {
  it('is complete when several processes build it at once on an empty cache', async () => {
    const kit = join(scratch, 'kit')
    const files = Array.from({ length: 1500 }, (_, i) => `jeuxDeValeurs/JDV_${String(i).padStart(4, '0')}.xml`)
    mkdirSync(join(kit, 'jeuxDeValeurs'), { recursive: true })
    for (const file of files) writeFileSync(join(kit, file), `<?xml version="1.0" encoding="UTF-8"?><ValueSet id="1.2.3.${file.length}">${'<Concept code="x"/>'.repeat(200)}</ValueSet>`)
    const cacheDir = join(scratch, 'cache')

    // Started a little apart, so that some begin while another is halfway through its copy.
    const mirrors = await Promise.all(Array.from({ length: 4 }, (_, i) => new Promise((wait) => setTimeout(wait, i * 150)).then(() => buildMirror(kit, cacheDir))))
    expect(new Set(mirrors).size).toBe(1)
    const mirror = mirrors[0]!
    expect(readdirSync(join(mirror, 'jeuxDeValeurs')).sort()).toEqual(files.map((file) => file.slice('jeuxDeValeurs/'.length)))
    // No builder's staging copy is left behind.
    expect(readdirSync(join(mirror, '..'))).toEqual([mirror.split('/').at(-1)])
  })
})
