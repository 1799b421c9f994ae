import { join } from 'node:path'
import type { Command } from 'commander'
import { BundleInputError } from '../../../reports/bundle-seal.ts'
import { resolveSigningKey, SigningKeyError, SIGNING_KEY_ENV } from '../../../reports/bundle-key.ts'
import { diffReports } from '../../../reports/diff.ts'
import { parseFormats, UnknownFormatError, writeFormats, FORMAT_NAMES } from '../../../reports/formats.ts'
import { loadReport, ReportInputError } from '../../../reports/load-report.ts'
import { REPORT_FILE } from '../../../reports/json.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

interface ReportFlags {
  format?: string
  signingKey?: string
  compare?: string
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description('régénère les rapports d\'une campagne à partir de son seul report.json')
    .argument('<run-dir>', 'dossier de la campagne (contient report.json et evidence/)')
    .option('--format <formats>', `formats séparés par des virgules (défaut : tous — ${FORMAT_NAMES.join(', ')})`)
    .option('--signing-key <pem>', `clé privée Ed25519 (PEM) pour sceller le paquet (défaut : $${SIGNING_KEY_ENV}, sinon clé éphémère)`)
    .option('--compare <report.json>', 'rapport d\'une campagne précédente : ajoute la comparaison de versions au rapport HTML')
    .action(async (runDir: string, flags: ReportFlags) => {
      process.exitCode = await reportCommand(runDir, flags)
    })
}

async function reportCommand(runDir: string, flags: ReportFlags): Promise<number> {
  try {
    const formats = parseFormats(flags.format)
    const report = loadReport(join(runDir, REPORT_FILE))
    const diff = flags.compare ? diffReports(loadReport(flags.compare), report) : undefined
    const key = formats.includes('bundle') ? resolveSigningKey(flags.signingKey) : undefined
    const log = (line: string) => process.stdout.write(`${line}\n`)
    const written = await writeFormats(formats, { runDir, report, log, ...(key ? { key } : {}), ...(diff ? { diff } : {}) })
    log(`Rapports régénérés : ${written.join(', ')}`)
    return ExitCode.ok
  } catch (error) {
    if (error instanceof UnknownFormatError || error instanceof ReportInputError || error instanceof SigningKeyError || error instanceof BundleInputError) {
      throw new CliError(error.message, ExitCode.badInput)
    }
    throw error
  }
}
