import { open, stat } from 'node:fs/promises'
import { Option, type Command } from 'commander'
import type { Issue } from '../../core/issue.ts'
import { validateCdaFile } from '../../validate/cda/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'

/** Every artefact type of the CLI contract (DESIGN §6); a type without a validator is refused. */
const ARTEFACT_TYPES = ['cda', 'xdm', 'mime', 'mhd-bundle', 'xds-request'] as const
type ArtefactType = (typeof ARTEFACT_TYPES)[number]

interface ValidateOptions {
  readonly type?: ArtefactType
  readonly cisisKit?: string
  readonly json?: boolean
}

interface FileResult {
  readonly file: string
  readonly type: ArtefactType
  readonly valid: boolean
  readonly issues: readonly Issue[]
}

/** One entry per supported type; other formats plug in here (validator + sniffing). */
interface ArtefactValidator {
  /** True when the first bytes of a file look like this artefact. */
  sniff(head: string): boolean
  validate(file: string, options: ValidateOptions): Promise<{ valid: boolean; issues: readonly Issue[] }>
}

const VALIDATORS: Partial<Record<ArtefactType, ArtefactValidator>> = {
  cda: {
    sniff: (head) => /<(?:[A-Za-z_][\w.-]*:)?ClinicalDocument[\s>]/.test(head),
    validate: (file, options) => validateCdaFile(file, options.cisisKit !== undefined ? { cisisKit: options.cisisKit } : {}),
  },
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Valide hors ligne des artefacts (CDA R2…) et liste les anomalies')
    .argument('<file...>', 'fichiers à valider')
    .addOption(new Option('--type <type>', 'type d’artefact (détecté sinon)').choices([...ARTEFACT_TYPES]))
    .option('--cisis-kit <dir>', 'kit CI-SIS officiel (testContenuCDA) : ajoute XSD et schématrons')
    .option('--json', 'sortie JSON (forme Issue du banc)')
    .action(async (files: string[], options: ValidateOptions) => {
      if (options.cisisKit !== undefined) await requireDirectory(options.cisisKit)
      const results: FileResult[] = []
      for (const file of files) results.push(await validateOne(file, options))
      process.stdout.write(options.json ? `${JSON.stringify({ results }, null, 2)}\n` : results.map(formatText).join('\n'))
      process.exitCode = results.every((r) => r.valid) ? ExitCode.ok : ExitCode.failed
    })
}

async function validateOne(file: string, options: ValidateOptions): Promise<FileResult> {
  const type = options.type ?? (await detectType(file))
  const validator = VALIDATORS[type]
  if (!validator) throw new CliError(`la validation du type « ${type} » n’est pas encore disponible`, ExitCode.badInput)
  try {
    const result = await validator.validate(file, options)
    return { file, type, valid: result.valid, issues: result.issues }
  } catch (error) {
    // Only file-system failures mean "unreadable input"; anything else is a harness error (6).
    if (isFileSystemError(error)) throw unreadable(file, error)
    throw error
  }
}

async function detectType(file: string): Promise<ArtefactType> {
  let head: string
  try {
    const handle = await open(file, 'r')
    try {
      const buffer = Buffer.alloc(64 * 1024)
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
      head = buffer.subarray(0, bytesRead).toString('latin1')
    } finally {
      await handle.close()
    }
  } catch (error) {
    throw unreadable(file, error)
  }
  for (const type of ARTEFACT_TYPES) if (VALIDATORS[type]?.sniff(head)) return type
  throw new CliError(`${file} : type d’artefact non reconnu, précisez --type`, ExitCode.badInput)
}

async function requireDirectory(dir: string): Promise<void> {
  const info = await stat(dir).catch(() => undefined)
  if (!info?.isDirectory()) throw new CliError(`--cisis-kit : ${dir} n’est pas un dossier lisible`, ExitCode.badInput)
}

function isFileSystemError(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code
  return typeof code === 'string' && /^E[A-Z]+$/.test(code)
}

function unreadable(file: string, error: unknown): CliError {
  if (error instanceof CliError) return error
  const reason = error instanceof Error ? error.message : String(error)
  return new CliError(`${file} : fichier illisible (${reason})`, ExitCode.badInput)
}

function formatText(result: FileResult): string {
  const count = (severities: readonly string[]) => result.issues.filter((i) => severities.includes(i.severity)).length
  const lines = [
    `${result.file} [${result.type}] : ${result.valid ? 'VALIDE' : 'NON VALIDE'} (${count(['fatal', 'error'])} erreur(s), ${count(['warning'])} avertissement(s))`,
  ]
  for (const issue of result.issues) {
    const where = issue.location ? ` ${issue.location.path}${issue.location.line !== undefined ? ` (ligne ${issue.location.line})` : ''}` : ''
    lines.push(`  [${issue.severity}] ${issue.rule}${issue.requirement ? ` ${issue.requirement}` : ''}${where} : ${issue.message}`)
  }
  return `${lines.join('\n')}\n`
}
