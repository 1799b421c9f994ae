import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { prepareKit } from '../../../../harness/validate/cda/kit/prepare.ts'

// A made-up kit with one small profile schematron and one broken one: what prepareKit does with
// the real kit (minutes of compiles) is shown by the kit-mode campaign test.
const scratch = mkdtempSync(join(tmpdir(), 'dui-kit-prepare-'))
afterAll(() => rmSync(scratch, { recursive: true, force: true }))

const SMALL = `<?xml version="1.0" encoding="UTF-8"?>
<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="cda" uri="urn:hl7-org:v3"/>
  <pattern id="titre"><rule context="cda:ClinicalDocument"><assert test="cda:title">Le document doit avoir un titre.</assert></rule></pattern>
</schema>`

function makeKit(name: string, files: Record<string, string>): string {
  const kit = join(scratch, name)
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(kit, file)), { recursive: true })
    writeFileSync(join(kit, file), text)
  }
  return kit
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => entry.name)
}

describe('prepareKit', () => {
  it('compiles the kit’s schematrons into the cache once, announces it, and names what could not be compiled', async () => {
    const kit = makeKit('kit-a', { 'schematrons/profils/IHE.sch': SMALL, 'schematrons/profils/CI-SIS_Modeles_ANS.sch': '<schema' })
    const cacheDir = join(scratch, 'cache-a')
    const lines: string[] = []
    const first = await prepareKit(kit, { cacheDir, onProgress: (line) => lines.push(line) })
    expect(first.compiled).toEqual(['schematrons/profils/IHE.sch'])
    expect(first.failed).toEqual([{ file: 'schematrons/profils/CI-SIS_Modeles_ANS.sch', reason: expect.any(String) }])
    expect(lines.filter((line) => line.includes('première utilisation'))).toHaveLength(1)
    expect(lines).toContainEqual(expect.stringMatching(/^Kit CI-SIS : schematrons\/profils\/IHE\.sch compilé en \d+\.\d s$/))
    expect(lines).toContainEqual(expect.stringMatching(/^Kit CI-SIS : schematrons\/profils\/CI-SIS_Modeles_ANS\.sch n’a pas pu être compilé : /))
    expect(filesUnder(cacheDir)).toContain('IHE.sch.c4.sef.json')

    const again = await prepareKit(kit, { cacheDir })
    expect(again.compiled).toEqual([])
    expect(again.cached).toEqual(['schematrons/profils/IHE.sch'])
  })

  it('compiles nothing once the campaign is interrupted, and leaves no half-written file', async () => {
    const kit = makeKit('kit-b', { 'schematrons/profils/IHE.sch': SMALL })
    const before = new AbortController()
    before.abort()
    const skipped = await prepareKit(kit, { cacheDir: join(scratch, 'cache-b'), signal: before.signal })
    expect(skipped).toMatchObject({ compiled: [], cached: [], failed: [] })

    // Interrupted as the compile starts: the compiler's child process is killed.
    const during = new AbortController()
    const cacheDir = join(scratch, 'cache-c')
    const killed = await prepareKit(kit, { cacheDir, signal: during.signal, onProgress: () => during.abort() })
    expect(killed).toMatchObject({ compiled: [], cached: [], failed: [] })
    expect(filesUnder(cacheDir).filter((file) => /\.(xsl|sef\.json)$/.test(file))).toEqual([])
  })
})
