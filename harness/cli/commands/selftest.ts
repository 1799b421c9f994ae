import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Command } from 'commander'
import { allScenarios } from '../../../scenarios/index.ts'
import { resolveConfig } from '../../config/config.ts'
import { runSelftest, type DefectOutcome } from '../../core/selftest.ts'
import { referenceDefects } from '../../drivers/reference-candidate.ts'
import { CatalogueError, loadCatalogue } from '../../requirements/catalogue.ts'
import { CliError, ExitCode } from '../exit-codes.ts'
import { requireKitDirectory } from '../kit-option.ts'

interface SelftestFlags {
  json?: boolean
  out?: string
  concurrency?: string
  cisisKit?: string
}

/** `dui-harness selftest`: the reference DUI and every seeded defect, as a kill matrix. */
export function registerSelftest(program: Command): void {
  program
    .command('selftest')
    .description('vérifie le banc : le DUI de référence passe tout, chaque défaut volontaire est détecté par son exigence')
    .option('--json', 'résultat en JSON')
    .option('--out <dir>', 'dossier des campagnes (défaut : un dossier temporaire)')
    .option('--concurrency <n>', 'campagnes menées en parallèle (défaut : 3)', '3')
    .option('--cisis-kit <dir>', 'kit officiel CI-SIS : toutes les campagnes en mode kit, défauts de DOC-001 compris')
    .action(async (flags: SelftestFlags) => {
      const concurrency = Number(flags.concurrency)
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 16) throw new CliError('--concurrency attend un entier de 1 à 16', ExitCode.badInput)
      let catalogue
      try {
        catalogue = loadCatalogue()
      } catch (error) {
        if (error instanceof CatalogueError) throw new CliError(error.message, ExitCode.badInput)
        throw error
      }
      if (flags.cisisKit !== undefined) await requireKitDirectory(flags.cisisKit)
      const out = flags.out ?? mkdtempSync(join(tmpdir(), 'dui-harness-selftest-'))
      const write = (line: string) => process.stdout.write(`${line}\n`)
      const controller = new AbortController()
      process.once('SIGINT', () => controller.abort())
      if (!flags.json) write(`dui-harness selftest : DUI de référence puis ${referenceDefects.length} défaut(s) volontaire(s), campagnes dans ${out}`)
      const result = await runSelftest({
        config: resolveConfig({}, { out, ...(flags.cisisKit !== undefined ? { cisisKit: flags.cisisKit } : {}) }),
        catalogue,
        scenarios: allScenarios,
        defects: referenceDefects,
        concurrency,
        signal: controller.signal,
        onProgress: (progress: string) => process.stderr.write(`${progress}\n`),
        ...(flags.json ? {} : { onDefect: (outcome: DefectOutcome) => write(line(outcome)) }),
      })
      if (flags.json) {
        const json = {
          reference: { verdict: result.reference.verdict, failed: result.reference.failed },
          defects: result.defects.map(({ name, requirement, caught, failed }) => ({ name, requirement, caught, failed })),
          notEvaluated: result.notEvaluated.map(({ name, requirement }) => ({ name, requirement, reason: 'kit officiel CI-SIS requis (--cisis-kit)' })),
          uncovered: result.uncovered,
        }
        write(JSON.stringify(json, null, 2))
      } else {
        write(`Référence : ${result.reference.verdict === 'pass' && result.reference.failed.length === 0 ? 'toutes les exigences vérifiées sont satisfaites' : `ÉCHEC (${result.reference.failed.join(', ') || result.reference.verdict})`}`)
        const caught = result.defects.filter((d) => d.caught).length
        write(`Défauts détectés par leur propre exigence : ${caught} / ${result.defects.length}`)
        if (result.notEvaluated.length > 0) write(`Défauts non évalués faute de kit officiel CI-SIS (--cisis-kit <dossier>) : ${result.notEvaluated.map((d) => `${d.name} (${d.requirement})`).join(', ')}`)
        if (result.uncovered.length > 0) write(`Exigences automatiques qu'aucun défaut volontaire ne vise encore (${result.uncovered.length}) : ${result.uncovered.join(', ')}`)
      }
      process.exitCode = result.exitCode
    })
}

function line(outcome: DefectOutcome): string {
  const mark = outcome.caught ? '✔' : '✖'
  const detail = outcome.caught ? 'détecté' : `NON détecté comme attendu (exigences en échec : ${outcome.failed.join(', ') || 'aucune'})`
  return `  ${mark} ${outcome.name.padEnd(28)} ${outcome.requirement.padEnd(8)} ${detail}`
}
