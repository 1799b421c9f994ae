import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT, runCli } from '../helpers/cli.ts'

// Command modules load on demand (harness/cli/program.ts): whatever the first argument, the
// program must still know every command, its version and its help.
describe('dui-harness command line: commands loaded on demand', () => {
  const COMMANDS = ['run', 'mocks', 'validate', 'indicators', 'report', 'verify', 'diff', 'selftest', 'list', 'requirements']

  it('prints the package version with --version', async () => {
    const result = await runCli(['--version'])
    expect(result.code).toBe(0)
    expect(result.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version)
  })

  it('lists every command in the general help', async () => {
    const result = await runCli(['--help'])
    expect(result.code).toBe(0)
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
  })

  it('shows a command\'s own options in its help', async () => {
    const result = await runCli(['run', '--help'])
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('--concurrency <n>')
    expect(result.stdout).toContain('--cisis-kit <dir>')
  })

  it('refuses an unknown command as bad input (exit 4)', async () => {
    const result = await runCli(['nope'])
    expect(result.code).toBe(4)
    expect(result.stderr).toContain("unknown command 'nope'")
  })
})
