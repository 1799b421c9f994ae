import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../harness/core/issue.ts'
import { main } from '../../harness/cli/program.ts'
import { runCli } from '../helpers/cli.ts'
import type { HostileCase, StreamedBody, ValidateInput, ValidateType } from './corpus/case.ts'
import { validateCases } from './corpus/validate-cases.ts'
import { MEMORY_GROWTH_LIMIT_MB, rssMb } from './play/memory.ts'

interface FileResult {
  readonly file: string
  readonly valid: boolean
  readonly issues: readonly Issue[]
}

const cases = validateCases()
const dir = mkdtempSync(join(tmpdir(), 'hostile-validate-'))
const fileOf = (hostile: HostileCase) => join(dir, `${hostile.id.replace(/[^\w.-]+/g, '_')}.bin`)
/** Exit code and per-file results of one in-process `validate --json --type <type>` over all its files. */
const runs = new Map<ValidateType, { code: number; results: Map<string, FileResult> }>()
let baselineMb: number

/**
 * A large file as its first chunk, extended (sparse) to its full size: the validator must refuse
 * it on its size without reading it, so what lies past the first chunk does not matter.
 */
function writeLarge(path: string, body: StreamedBody): void {
  writeFileSync(path, body.chunk)
  truncateSync(path, body.bytes)
}

/** The CLI run in this process (exported `main`), stdout captured; one invocation per type, all its files at once. */
async function validateInProcess(type: ValidateType, files: readonly string[]): Promise<{ code: number; stdout: string }> {
  const write = process.stdout.write.bind(process.stdout)
  let stdout = ''
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    return true
  }) as typeof process.stdout.write
  try {
    return { code: await main(['validate', '--json', '--type', type, ...files]), stdout }
  } finally {
    process.stdout.write = write
    process.exitCode = undefined
  }
}

beforeAll(async () => {
  baselineMb = rssMb()
  for (const hostile of cases) {
    const file = (hostile.input as ValidateInput).file
    if (Buffer.isBuffer(file)) writeFileSync(fileOf(hostile), file)
    else writeLarge(fileOf(hostile), file)
  }
  for (const type of ['cda', 'xdm', 'mime', 'mhd-bundle', 'xds-request'] satisfies ValidateType[]) {
    const files = cases.filter((hostile) => (hostile.input as ValidateInput).type === type).map(fileOf)
    const { code, stdout } = await validateInProcess(type, files)
    const { results } = JSON.parse(stdout) as { results: FileResult[] }
    runs.set(type, { code, results: new Map(results.map((result) => [result.file, result])) })
  }
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('hostile files: `dui-harness validate` judges each one invalid with its rule and a French reason', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', (_id, hostile: HostileCase) => {
    const run = runs.get((hostile.input as ValidateInput).type)!
    expect(run.code).toBe(hostile.expected.status)
    const result = run.results.get(fileOf(hostile))!
    expect(result.valid).toBe(false)
    const finding = result.issues.find((issue) => issue.rule === hostile.expected.rule)
    expect(finding, `règle ${hostile.expected.rule} absente : ${result.issues.map((i) => i.rule).join(', ')}`).toBeDefined()
    if (hostile.expected.requirement) expect(finding!.requirement).toBe(hostile.expected.requirement)
    expect(result.issues.map((issue) => issue.message).join('\n')).toMatch(hostile.expected.reason)
  })

  it('reads hostile files without holding them whole: memory stays bounded', () => {
    expect(rssMb() - baselineMb).toBeLessThan(MEMORY_GROWTH_LIMIT_MB)
  })

  it('recognises each kind of hostile file by itself and exits 3 from the real command line', async () => {
    const pick = (id: string) => fileOf(cases.find((hostile) => hostile.id === id)!)
    const files = ['xxe/validate:cda/xxe-file', 'zip-slip/validate:xdm/slip-parent', 'broken-mime/validate:mime/no-from-no-date', 'invalid-json/validate:mhd-bundle/prototype-pollution', 'mtom/validate:xds-request/no-closing-delimiter'].map(pick)
    const run = await runCli(['validate', ...files])
    expect(run.code).toBe(3)
    expect(run.stdout).toMatch(/\[cda\] : NON VALIDE[\s\S]*xml\/doctype-forbidden/)
    expect(run.stdout).toMatch(/\[xdm\] : NON VALIDE[\s\S]*zip-slip/)
    expect(run.stdout).toMatch(/\[mime\] : NON VALIDE[\s\S]*en-tête From absent/)
    expect(run.stdout).toMatch(/\[mhd-bundle\] : NON VALIDE[\s\S]*__proto__/)
    expect(run.stdout).toMatch(/\[xds-request\] : NON VALIDE[\s\S]*corps MTOM tronqué/)
  })
})
