import { Command, CommanderError } from 'commander'
import { CliError, ExitCode } from './exit-codes.ts'
import { harnessVersion } from '../internal/version.ts'

type Register = (program: Command) => void

/**
 * Each command's module, loaded on demand: a command only pays for its own imports (validators,
 * simulators, reports), so `--version` or `list` start in a fraction of a full load.
 */
const COMMANDS: Readonly<Record<string, () => Promise<Register>>> = {
  run: async () => (await import('./commands/run.ts')).registerRun,
  mocks: async () => (await import('./commands/mocks.ts')).registerMocks,
  validate: async () => (await import('./commands/validate.ts')).registerValidate,
  indicators: async () => (await import('./commands/indicators.ts')).registerIndicators,
  report: async () => (await import('./commands/report.ts')).registerReport,
  verify: async () => (await import('./commands/verify.ts')).registerVerify,
  diff: async () => (await import('./commands/diff.ts')).registerDiff,
  selftest: async () => (await import('./commands/selftest.ts')).registerSelftest,
  list: async () => (await import('./commands/list.ts')).registerList,
  requirements: async () => (await import('./commands/requirements.ts')).registerRequirements,
}

/**
 * Builds the commander program with the command `argv` names, or with every command when it names
 * none (help, version, a typo: commander then lists them all).
 */
export async function buildProgram(argv: readonly string[] = []): Promise<Command> {
  const program = new Command()
    .name('dui-harness')
    .description('Banc de conformité des DUI (Ségur numérique vague 1, ESMS numérique)')
    .version(harnessVersion, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
  const named = argv[0] !== undefined ? COMMANDS[argv[0]] : undefined
  const wanted = named ? [named] : argv.some((arg) => arg === '-V' || arg === '--version') ? [] : Object.values(COMMANDS)
  for (const register of await Promise.all(wanted.map((load) => load()))) register(program)
  return program
}

/** Runs the CLI: expected failures print one line (no stack trace) and set the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await (await buildProgram(argv)).parseAsync([...argv], { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : ExitCode.ok
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`dui-harness: ${error.message}\n`)
      return error.exitCode
    }
    if (error instanceof CommanderError) {
      // Help and version are "errors" for commander; usage errors are bad input (4).
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return ExitCode.ok
      return ExitCode.badInput
    }
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error)
    process.stderr.write(`dui-harness: erreur interne: ${message}\n`)
    return ExitCode.internal
  }
}

