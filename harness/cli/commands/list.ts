import type { Command } from 'commander'
import { allScenarios } from '../../../scenarios/index.ts'
import { referenceDefects } from '../../drivers/reference-candidate.ts'
import { loadCatalogue } from '../../requirements/catalogue.ts'
import { renderCatalogueMarkdown } from '../../requirements/catalogue-markdown.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

const KINDS = ['scenarios', 'requirements', 'defects'] as const

/** One item per line, its id first, then tab-separated details (DESIGN §6). */
export function registerList(program: Command): void {
  program
    .command('list')
    .description('liste ce que le banc connaît : scenarios, requirements ou defects')
    .argument('<kind>', KINDS.join(' | '))
    .option('--markdown', 'requirements seulement : le catalogue en Markdown (docs/requirements.md)')
    .action((kind: string, flags: { markdown?: boolean }) => {
      if (flags.markdown) {
        if (kind !== 'requirements') throw new CliError('--markdown ne s\'applique qu\'à « list requirements »', ExitCode.badInput)
        process.stdout.write(renderCatalogueMarkdown(loadCatalogue(), allScenarios, referenceDefects))
        return
      }
      const rows = listRows(kind)
      process.stdout.write(rows.map((row) => row.join('\t')).join('\n') + (rows.length > 0 ? '\n' : ''))
    })
}

export function listRows(kind: string): string[][] {
  switch (kind) {
    case 'scenarios':
      return allScenarios.map((s) => [s.id, s.section, s.title])
    case 'requirements':
      return loadCatalogue().requirements.map((r) => [r.id, r.section, r.level, r.automation, r.officialRef ?? '-', r.title])
    case 'defects':
      return referenceDefects.map((d) => [d.name, d.requirement, d.description])
    default:
      throw new CliError(`liste inconnue « ${kind} » (attendu : ${KINDS.join(', ')})`, ExitCode.badInput)
  }
}
