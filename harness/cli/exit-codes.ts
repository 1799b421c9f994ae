/**
 * The exit-code table of the CLI contract (DESIGN §6). 1 and 2 are left to the runtime and shell.
 */
export const ExitCode = {
  /** All required checks passed / input valid / no regression. */
  ok: 0,
  /** A required check failed / input invalid / regression / targets not met. */
  failed: 3,
  /** Bad configuration, bad arguments or unreadable input file. */
  badInput: 4,
  /** The candidate (driver) could not be reached. */
  candidateUnreachable: 5,
  /** A bug or outage inside the harness. */
  internal: 6,
} as const

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode]

/**
 * An expected failure the CLI reports as one clear line and an exit code, never a stack trace.
 * Throw it from any command; `main.ts` catches it.
 */
export class CliError extends Error {
  override readonly name = 'CliError'
  constructor(
    message: string,
    readonly exitCode: ExitCode,
  ) {
    super(message)
  }
}
