import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { diffReports } from '../../../reports/diff.ts'
import { renderDiffPage } from '../../../reports/diff-html.ts'
import { renderDiffText } from '../../../reports/diff-text.ts'
import { loadReport, ReportInputError } from '../../../reports/load-report.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

interface DiffFlags {
  html?: string
  json?: boolean
}

export function registerDiff(program: Command): void {
  program
    .command('diff')
    .description('compare deux campagnes (version précédente, nouvelle version) : régressions, corrections, contrôles ajoutés ou retirés')
    .argument('<report-a.json>', 'rapport de la version précédente')
    .argument('<report-b.json>', 'rapport de la nouvelle version')
    .option('--html <file>', 'écrit aussi la comparaison en page HTML autonome')
    .option('--json', 'écrit la comparaison en JSON au lieu du texte')
    .action((a: string, b: string, flags: DiffFlags) => {
      process.exitCode = diffCommand(a, b, flags)
    })
}

function diffCommand(a: string, b: string, flags: DiffFlags): number {
  let diff
  try {
    diff = diffReports(loadReport(a), loadReport(b))
  } catch (error) {
    if (error instanceof ReportInputError) throw new CliError(error.message, ExitCode.badInput)
    throw error
  }
  process.stdout.write(flags.json ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffText(diff))
  if (flags.html) writeFileSync(flags.html, renderDiffPage(diff))
  return diff.regression ? ExitCode.failed : ExitCode.ok
}
