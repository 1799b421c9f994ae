import { Command, CommanderError } from 'commander'
import { CliError, ExitCode } from './exit-codes.ts'
import { harnessVersion } from '../internal/version.ts'
// Command modules: each exports register<Name>(program).
import { registerList } from './commands/list.ts'
import { registerMocks } from './commands/mocks.ts'
import { registerRun } from './commands/run.ts'
import { registerSelftest } from './commands/selftest.ts'
import { registerValidate } from './commands/validate.ts'
import { registerIndicators } from './commands/indicators.ts'
import { registerReport } from './commands/report.ts'
import { registerVerify } from './commands/verify.ts'
import { registerDiff } from './commands/diff.ts'

/** Builds the commander program; exported so tests can run commands in-process. */
export function buildProgram(): Command {
  const program = new Command()
    .name('dui-harness')
    .description('Banc de conformité des DUI (Ségur numérique vague 1, ESMS numérique)')
    .version(harnessVersion, '-V, --version')
    .showHelpAfterError()
    .exitOverride()
  registerRun(program)
  registerMocks(program)
  registerValidate(program)
  registerIndicators(program)
  registerReport(program)
  registerVerify(program)
  registerDiff(program)
  registerSelftest(program)
  registerList(program)
  return program
}

/** Runs the CLI: expected failures print one line (no stack trace) and set the exit code. */
export async function main(argv: readonly string[]): Promise<number> {
  try {
    await buildProgram().parseAsync([...argv], { from: 'user' })
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

