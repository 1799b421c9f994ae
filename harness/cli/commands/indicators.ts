import { availableParallelism } from 'node:os'
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeFormats } from '../../../reports/formats.ts'
import { INDICATORS_FILE } from '../../../reports/html.ts'
import { loadReport, ReportInputError } from '../../../reports/load-report.ts'
import { CliError, ExitCode } from '../exit-codes.ts'
import {
  computeIndicators,
  DEFAULT_CONFIG,
  formatReportText,
  IndicatorsInputError,
  loadConfigFile,
  loadObservedTraffic,
} from '../../indicators/index.ts'

interface IndicatorsOptions {
  readonly at: string
  readonly json?: boolean
  readonly config?: string
  readonly observed?: string
  readonly run?: string
  readonly threads: number
}

function threadCount(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new InvalidArgumentError('un entier de 1 à 64 est attendu')
  return n
}

/** `dui-harness indicators <export...> --at <date> [--json]`: exit 0 targets met, 3 not met, 4 bad input. */
export function registerIndicators(program: Command): void {
  program
    .command('indicators')
    .description('Indicateurs d’usage ESMS numérique (parcours de financement), par ESSMS et par projet')
    .argument('<export...>', 'fichiers de l’export du DUI (CSV ou NDJSON, éventuellement gzip), usagers et évènements')
    .addOption(new Option('--at <date>', 'date de mesure (AAAA-MM-JJ), exclue de la fenêtre').makeOptionMandatory())
    .option('--json', 'rapport JSON (IndicatorsReport) au lieu du tableau en français')
    .option('--config <file>', 'définitions, cibles, fenêtres et projets (JSON, voir docs/indicators-export.md)')
    .option('--observed <file>', 'trafic MSSanté/DMP observé par les simulateurs, pour le contrôle croisé')
    .option('--run <dir>', 'dossier d\'une campagne : contrôle croisé avec son observed-usage.json, indicateurs ajoutés à son rapport HTML et à son paquet scellé')
    .option('--threads <n>', 'threads de lecture des fichiers d’évènements (défaut : nombre de cœurs)', threadCount, availableParallelism())
    .action(async (files: string[], options: IndicatorsOptions) => {
      try {
        const config = options.config === undefined ? DEFAULT_CONFIG : loadConfigFile(options.config)
        if (options.run !== undefined && !existsSync(join(options.run, 'report.json'))) {
          throw new CliError(`--run ${options.run} : pas de report.json dans ce dossier (dossier d'une campagne attendu)`, ExitCode.badInput)
        }
        const observedFile = options.observed ?? (options.run === undefined ? undefined : join(options.run, 'observed-usage.json'))
        const observed = observedFile === undefined ? undefined : loadObservedTraffic(observedFile)
        const report = await computeIndicators(files, {
          at: options.at,
          config,
          threads: options.threads,
          ...(options.config === undefined ? {} : { configFile: options.config }),
          ...(observed === undefined ? {} : { observed }),
        })
        process.stdout.write(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report))
        if (options.run !== undefined) await attachToRun(options.run, report)
        if (!report.verdict.met) process.exitCode = ExitCode.failed
      } catch (error) {
        if (error instanceof IndicatorsInputError) throw new CliError(error.message, ExitCode.badInput)
        throw error
      }
    })
}

/** Files the indicators with a campaign: indicators.json, then the HTML report and the sealed bundle again. */
async function attachToRun(runDir: string, indicators: unknown): Promise<void> {
  const reportPath = join(runDir, 'report.json')
  let report
  try {
    report = loadReport(reportPath)
  } catch (error) {
    if (error instanceof ReportInputError) throw new CliError(error.message, ExitCode.badInput)
    throw error
  }
  writeFileSync(join(runDir, INDICATORS_FILE), `${JSON.stringify(indicators, null, 2)}\n`)
  const written = await writeFormats(['html', 'bundle'], { runDir, report, log: (line) => process.stderr.write(`${line}\n`) })
  process.stderr.write(`dui-harness : indicateurs ajoutés à la campagne (${[join(runDir, INDICATORS_FILE), ...written].join(', ')})\n`)
}
