import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CliError } from '../../../harness/cli/exit-codes.ts'
import { configDigest, readConfigFile, resolveConfig } from '../../../harness/config/config.ts'

function file(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'config-')), 'dui-harness.config.json')
  writeFileSync(path, content)
  return path
}

describe('configuration', () => {
  it('applies defaults and lets flags override the file', () => {
    const config = resolveConfig(readConfigFile(file('{"candidate": "http://127.0.0.1:9999", "out": "x"}')), { out: 'y' })
    expect(config).toMatchObject({ candidate: 'http://127.0.0.1:9999', out: 'y', host: '127.0.0.1', timeouts: { trafficMs: 15000 } })
  })

  it.each([
    ['{"candidat": "reference"}', /clé inconnue « candidat »/],
    ['{"timeouts": {"trafficMs": "vite"}}', /\/timeouts\/trafficMs/],
    ['{"candidate": "ftp://x"}', /candidat invalide/],
    ['{ "candidate": ', /JSON invalide/],
  ])('refuses %s with one clear line and exit 4', (content, message) => {
    const error = (() => {
      try {
        readConfigFile(file(content))
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(CliError)
    expect((error as CliError).exitCode).toBe(4)
    expect((error as CliError).message).toMatch(message)
    expect((error as CliError).message).not.toContain('\n')
  })

  it('gives the manual candidate minutes per answer and traffic, and one scenario at a time', () => {
    expect(resolveConfig({}, { candidate: 'manual' })).toMatchObject({ concurrency: 1, timeouts: { trafficMs: 600_000, stepMs: 3_600_000 } })
    expect(resolveConfig({ concurrency: 4, timeouts: { trafficMs: 2000 } }, { candidate: 'manual' })).toMatchObject({ concurrency: 1, timeouts: { trafficMs: 2000 } })
    expect(resolveConfig({}, { candidate: 'reference' }).timeouts).toEqual({ trafficMs: 15_000 })
  })

  it('names a missing config file', () => {
    expect(() => readConfigFile('/nonexistent/dui.json')).toThrow(/illisible : ENOENT/)
  })

  it('digests the effective configuration independently of key order', () => {
    const a = resolveConfig({ out: 'a', candidate: 'reference' }, {})
    const b = resolveConfig({ candidate: 'reference', out: 'a' }, {})
    expect(configDigest(a)).toBe(configDigest(b))
    expect(configDigest(a)).not.toBe(configDigest(resolveConfig({ out: 'b' }, {})))
  })
})
