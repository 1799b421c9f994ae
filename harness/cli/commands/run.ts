import { relative } from 'node:path'
import type { Command } from 'commander'
import { allScenarios } from '../../../scenarios/index.ts'
import { ConsoleReporter } from '../../../reports/console.ts'
import { JsonReporter } from '../../../reports/json.ts'
import { MarkdownReporter } from '../../../reports/markdown.ts'
import { HtmlReporter } from '../../../reports/html.ts'
import { JunitReporter } from '../../../reports/junit.ts'
import { BundleReporter } from '../../../reports/bundle-seal.ts'
import { resolveSigningKey, SigningKeyError } from '../../../reports/bundle-key.ts'
import { readConfigFile, resolveConfig } from '../../config/config.ts'
import { runCampaign } from '../../core/campaign.ts'
import { selectScenarios, UnknownScenarioError } from '../../core/selection.ts'
import { CandidateSpecError, openCandidate } from '../../drivers/candidate.ts'
import { DriverError } from '../../drivers/driver.ts'
import { UnknownDefectError } from '../../drivers/reference-candidate.ts'
import { CatalogueError, loadCatalogue } from '../../requirements/catalogue.ts'
import { GridInputError } from '../../requirements/grid/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'
import { requireKitDirectory } from '../kit-option.ts'

interface RunFlags {
  candidate?: string
  scenarios?: string
  out?: string
  config?: string
  cisisKit?: string
  concurrency?: string
}

export function registerRun(program: Command): void {
  program
    .command('run')
    .description('lance la campagne de conformité contre un DUI candidat')
    .option('--candidate <spec>', 'reference, reference:<défaut>, URL du pilote HTTP du DUI, ou manual (consignes à suivre dans ce terminal) (défaut : reference)')
    .option('--scenarios <ids>', 'identifiants de scénarios ou sections (INS, DMP…), séparés par des virgules')
    .option('--out <dir>', 'dossier des campagnes (défaut : runs)')
    .option('--config <file>', 'fichier de configuration (défaut : ./dui-harness.config.json s\'il existe)')
    .option('--cisis-kit <dir>', 'dossier du kit officiel CI-SIS (testContenuCDA)')
    .option('--concurrency <n>', 'scénarios indépendants menés en même temps (défaut : 4 ; 1 = un par un)')
    .action(async (flags: RunFlags) => {
      process.exitCode = await runCommand(flags)
    })
}

async function runCommand(flags: RunFlags): Promise<number> {
  const config = resolveConfig(readConfigFile(flags.config), {
    ...(flags.candidate !== undefined ? { candidate: flags.candidate } : {}),
    ...(flags.scenarios !== undefined ? { scenarios: flags.scenarios.split(',').map((s) => s.trim()).filter(Boolean) } : {}),
    ...(flags.out !== undefined ? { out: flags.out } : {}),
    ...(flags.cisisKit !== undefined ? { cisisKit: flags.cisisKit } : {}),
    ...(flags.concurrency !== undefined ? { concurrency: Number(flags.concurrency) } : {}),
  })
  if (config.cisisKit !== undefined) await requireKitDirectory(config.cisisKit)
  const controller = new AbortController()
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130)
    process.stderr.write('dui-harness : interruption demandée, écriture du rapport partiel… (Ctrl-C encore pour quitter sans attendre)\n')
    controller.abort()
  }
  process.on('SIGINT', onSignal)
  process.on('SIGTERM', onSignal)
  try {
    const catalogue = loadCatalogue()
    const scenarios = selectScenarios(allScenarios, config.scenarios)
    for (const scenario of scenarios) {
      catalogue.assertKnown([...scenario.verifies, ...scenario.steps.flatMap((step) => step.verifies)], `le scénario ${scenario.id}`)
    }
    const console = new ConsoleReporter()
    const signingKey = resolveSigningKey()
    const { report, runDir } = await runCampaign({
      config,
      catalogue,
      scenarios,
      openDriver: () => openCandidate(config.candidate, { answerTimeoutMs: config.timeouts.trafficMs }),
      // The bundle comes last: it seals the files the others wrote.
      reporters: (dir) => [console, new JsonReporter(dir), new MarkdownReporter(dir), new HtmlReporter(dir), new JunitReporter(dir), new BundleReporter(dir, (line) => process.stdout.write(`${line}\n`), signingKey)],
      signal: controller.signal,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    })
    const rel = relative(process.cwd(), runDir)
    const where = rel.startsWith('..') ? runDir : rel
    process.stdout.write(`Rapports : ${where}/report.json, ${where}/report.html, ${where}/junit.xml, ${where}/summary.md, ${where}/bundle.zip, preuves dans ${where}/evidence/\n`)
    return report.exitCode
  } catch (error) {
    if (error instanceof CatalogueError || error instanceof UnknownScenarioError || error instanceof UnknownDefectError || error instanceof CandidateSpecError || error instanceof SigningKeyError || error instanceof GridInputError) {
      throw new CliError(error.message, ExitCode.badInput)
    }
    if (error instanceof DriverError) throw new CliError(error.message, ExitCode.candidateUnreachable)
    throw error
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}
