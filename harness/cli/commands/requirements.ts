import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { CatalogueError, loadCatalogue } from '../../requirements/catalogue.ts'
import {
  buildImportedGrid,
  DEFAULT_IMPORTED_GRID_FILE,
  formatImportSummary,
  GridInputError,
  harnessMappings,
  loadMapping,
  readGrid,
  summariseBySection,
} from '../../requirements/grid/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

interface ImportFlags {
  mapping?: string
  sheet?: string
  out?: string
  json?: boolean
}

/** `requirements import`: an official DSR/REM grid mapped onto our requirement ids (docs/official-grid.md). */
export function registerRequirements(program: Command): void {
  const requirements = program.command('requirements').description('exigences : import d\'une grille officielle DSR/REM')
  requirements
    .command('import')
    .description('importe une grille officielle DSR/REM (CSV ou XLSX) et la relie à nos exigences ; le rapport de campagne montre ensuite la numérotation officielle')
    .argument('<grid>', 'grille exportée par l\'outillage de l\'ANS (.csv ou .xlsx)')
    .option('--mapping <file>', 'fichier de correspondance (références officielles → nos exigences), prioritaire sur celui du banc')
    .option('--sheet <name>', 'feuille du classeur .xlsx à lire (défaut : la première)')
    .option('--out <file>', `grille importée à écrire (défaut : ${DEFAULT_IMPORTED_GRID_FILE})`)
    .option('--json', 'résumé en JSON sur la sortie standard')
    .action(async (grid: string, flags: ImportFlags) => {
      process.exitCode = await importCommand(grid, flags)
    })
}

async function importCommand(path: string, flags: ImportFlags): Promise<number> {
  const out = flags.out ?? DEFAULT_IMPORTED_GRID_FILE
  try {
    const catalogue = loadCatalogue()
    const mappings = [...harnessMappings(catalogue), ...(flags.mapping !== undefined ? [loadMapping(flags.mapping, catalogue)] : [])]
    const read = await readGrid(path, flags.sheet !== undefined ? { sheet: flags.sheet } : {})
    const imported = buildImportedGrid(read, mappings, catalogue)
    try {
      writeFileSync(out, `${JSON.stringify(imported, null, 2)}\n`)
    } catch (error) {
      throw new GridInputError(`impossible d'écrire ${out} : ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
    }
    if (flags.json) {
      const summary = { out, source: imported.source, rows: imported.rows.length, sections: summariseBySection(imported), skipped: imported.skipped, unusedMappings: imported.unusedMappings }
      process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`)
    } else {
      process.stdout.write(formatImportSummary(imported, out))
    }
    return ExitCode.ok
  } catch (error) {
    if (error instanceof GridInputError || error instanceof CatalogueError) throw new CliError(error.message, ExitCode.badInput)
    throw error
  }
}
