import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.ts'

const fixtures = join(REPO_ROOT, 'test', 'fixtures', 'cda')
const dir = mkdtempSync(join(tmpdir(), 'dui-validate-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Runs `dui-harness validate` in a child process (the real CLI entry point, real exit code). */
const cli = (...args: string[]) => runCli(['validate', ...args])

const broken = join(dir, 'broken.xml')
writeFileSync(broken, readFileSync(join(fixtures, 'n1-pdf-valid.xml'), 'utf8').replace('<realmCode code="FR"/>', '<realmCode code="US"/>'))

// Each case starts its own CLI process: run them side by side.
describe.concurrent('dui-harness validate', () => {
  it('exits 0 and says VALIDE for a valid CDA (type detected)', async ({ expect }) => {
    const run = await cli(join(fixtures, 'n1-pdf-valid.xml'))
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('[cda] : VALIDE')
  })

  it('exits 3 and prints the rule, requirement and XPath of each issue', async ({ expect }) => {
    const run = await cli(broken)
    expect(run.code).toBe(3)
    expect(run.stdout).toContain('NON VALIDE')
    expect(run.stdout).toMatch(/\[error\] cda\/header-realm-code DOC-004 \/ClinicalDocument\/realmCode\[1\] \(ligne \d+\)/)
  })

  it('prints the Issue shape with --json', async ({ expect }) => {
    const run = await cli('--json', '--type', 'cda', broken, join(fixtures, 'dlu-structured-valid.xml'))
    expect(run.code).toBe(3)
    const output = JSON.parse(run.stdout) as { results: { file: string; type: string; valid: boolean; issues: Record<string, unknown>[] }[] }
    expect(output.results.map((r) => [r.type, r.valid])).toEqual([
      ['cda', false],
      ['cda', true],
    ])
    expect(output.results[0]?.issues[0]).toMatchObject({
      severity: 'error',
      code: 'value',
      rule: 'cda/header-realm-code',
      requirement: 'DOC-004',
      location: { path: '/ClinicalDocument/realmCode[1]' },
    })
  })

  it('exits 3 with a fatal issue for an XXE attempt', async ({ expect }) => {
    const file = join(dir, 'xxe.xml')
    writeFileSync(file, '<?xml version="1.0"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<ClinicalDocument xmlns="urn:hl7-org:v3">&x;</ClinicalDocument>')
    const run = await cli(file)
    expect(run.code).toBe(3)
    expect(run.stdout).toContain('xml/doctype-forbidden')
    expect(run.stdout).not.toContain('root:')
  })

  it('exits 4 for a missing file, with one clear line', async ({ expect }) => {
    const run = await cli(join(dir, 'absent.xml'))
    expect(run.code).toBe(4)
    expect(run.stderr).toMatch(/^dui-harness: .*absent\.xml : fichier illisible/)
  })

  it('exits 4 for a directory given as a file', async ({ expect }) => {
    const folder = await cli('--type', 'cda', dir)
    expect(folder.code).toBe(4)
    expect(folder.stderr).toContain('fichier illisible')
  })

  it('exits 4 when the type cannot be detected', async ({ expect }) => {
    const text = join(dir, 'note.txt')
    writeFileSync(text, 'bonjour')
    const run = await cli(text)
    expect(run.code).toBe(4)
    expect(run.stderr).toContain('type d’artefact non reconnu')
  })

  it('exits 3 with the zip reader\'s reason for a text file validated as --type xdm', async ({ expect }) => {
    const text = join(dir, 'note-xdm.txt')
    writeFileSync(text, 'bonjour')
    const xdm = await cli('--type', 'xdm', text)
    expect(xdm.code).toBe(3)
    expect(xdm.stdout).toMatch(/\[fatal\] xdm\/zip-corrupt MSS-006 .* archive ZIP illisible/)
  })

  it('exits 4 when --cisis-kit is not a directory', async ({ expect }) => {
    const run = await cli('--cisis-kit', join(dir, 'no-kit'), join(fixtures, 'n1-pdf-valid.xml'))
    expect(run.code).toBe(4)
    expect(run.stderr).toContain('--cisis-kit')
  })
})
