import { availableParallelism } from 'node:os'
import { InvalidArgumentError, Option } from 'commander'
import type { Command } from 'commander'
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
    .option('--threads <n>', 'threads de lecture des fichiers d’évènements (défaut : nombre de cœurs)', threadCount, availableParallelism())
    .action(async (files: string[], options: IndicatorsOptions) => {
      try {
        const config = options.config === undefined ? DEFAULT_CONFIG : loadConfigFile(options.config)
        const observed = options.observed === undefined ? undefined : loadObservedTraffic(options.observed)
        const report = await computeIndicators(files, {
          at: options.at,
          config,
          threads: options.threads,
          ...(options.config === undefined ? {} : { configFile: options.config }),
          ...(observed === undefined ? {} : { observed }),
        })
        process.stdout.write(options.json === true ? `${JSON.stringify(report, null, 2)}\n` : formatReportText(report))
        if (!report.verdict.met) process.exitCode = ExitCode.failed
      } catch (error) {
        if (error instanceof IndicatorsInputError) throw new CliError(error.message, ExitCode.badInput)
        throw error
      }
    })
}
