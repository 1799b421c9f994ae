import { stat } from 'node:fs/promises'
import { CliError, ExitCode } from './exit-codes.ts'

/** `--cisis-kit <dir>` must name a readable folder; anything else is a bad input (exit 4). */
export async function requireKitDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) throw new CliError(`--cisis-kit : ${dir} n’est pas un dossier lisible`, ExitCode.badInput)
}
