import { open } from 'node:fs/promises'
import { Option, type Command } from 'commander'
import { hasBlockingIssues, type Issue } from '../../core/issue.ts'
import { validateCdaFile, type CdaValidationOptions } from '../../validate/cda/index.ts'
import { prepareKit } from '../../validate/cda/kit/prepare.ts'
import { validateProvideBundle } from '../../validate/fhir/mhd/index.ts'
import { validateMessage } from '../../validate/mime/index.ts'
import { DEFAULT_ZIP_LIMITS, validateXdm } from '../../validate/xdm/index.ts'
import { InputTooLargeError, readFileLimited } from '../../validate/xml/index.ts'
import { validateXdsRequest } from '../../validate/xds/index.ts'
import { CliError, ExitCode } from '../exit-codes.ts'
import { requireKitDirectory } from '../kit-option.ts'

/** Every artefact type of the CLI contract (DESIGN §6), each with its validator. */
const ARTEFACT_TYPES = ['cda', 'xdm', 'mime', 'mhd-bundle', 'xds-request'] as const
type ArtefactType = (typeof ARTEFACT_TYPES)[number]
/** Detection order, most specific first: an XDS.b request or a message may carry a CDA. */
const SNIFF_ORDER: readonly ArtefactType[] = ['xds-request', 'xdm', 'mime', 'mhd-bundle', 'cda']

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

/** One entry per type: how to recognise it and how to validate it. */
interface ArtefactValidator {
  /** True when the first bytes of a file look like this artefact. */
  sniff(head: string): boolean
  validate(file: string, options: ValidateOptions): Promise<{ valid: boolean; issues: readonly Issue[] }>
}

const MIB = 1024 * 1024
const SOAP12_ENVELOPE = /<(?:[A-Za-z_][\w.-]*:)?Envelope[^>]*http:\/\/www\.w3\.org\/2003\/05\/soap-envelope/
const MTOM_HEADER = /^content-type:[ \t]*multipart\/related[^\r\n]*application\/xop\+xml/im

const VALIDATORS: Record<ArtefactType, ArtefactValidator> = {
  cda: {
    sniff: (head) => /<(?:[A-Za-z_][\w.-]*:)?ClinicalDocument[\s>]/.test(head),
    validate: (file, options) => validateCdaFile(file, cdaOptions(options)),
  },
  xdm: {
    sniff: (head) => head.startsWith('PK\u0003\u0004') || head.startsWith('PK\u0005\u0006'),
    // The archive is judged in memory by the safe zip reader (sizes, ratio, entries, paths).
    validate: (file, options) => withBytes(file, DEFAULT_ZIP_LIMITS.maxTotalBytes, (bytes) => validateXdm(bytes, { cda: cdaOptions(options) })),
  },
  mime: {
    sniff: (head) => /^(?:from|message-id|mime-version|received|return-path):/im.test(head.split(/\r?\n\r?\n/)[0] ?? '') && !MTOM_HEADER.test(head),
    // MSSanté operators refuse a message over 25 Mo (brief §6.2).
    validate: (file, options) => withBytes(file, 25 * MIB, (bytes) => validateMessage(bytes, { xdm: { cda: cdaOptions(options) } })),
  },
  'mhd-bundle': {
    sniff: (head) => /^\s*\{/.test(head) && /"resourceType"\s*:\s*"Bundle"/.test(head),
    validate: (file, options) =>
      withBytes(file, 64 * MIB, async (bytes) => {
        const { issues } = await validateProvideBundle(bytes, cdaOptions(options))
        return { valid: !hasBlockingIssues(issues), issues }
      }),
  },
  'xds-request': {
    sniff: (head) => SOAP12_ENVELOPE.test(head) || MTOM_HEADER.test(head),
    validate: (file, options) => withBytes(file, 64 * MIB, (bytes) => validateXdsRequest(bytes, { cda: cdaOptions(options) })),
  },
}

function cdaOptions(options: ValidateOptions): CdaValidationOptions {
  return options.cisisKit !== undefined ? { cisisKit: options.cisisKit } : {}
}

/**
 * Reads a file of at most `limit` bytes and validates it; a larger file is refused with an
 * issue without being read whole (a hostile 100 MB input costs no more than the limit).
 */
async function withBytes(file: string, limit: number, validate: (bytes: Buffer) => Promise<{ valid: boolean; issues: readonly Issue[] }>): Promise<{ valid: boolean; issues: readonly Issue[] }> {
  let bytes: Buffer
  try {
    bytes = await readFileLimited(file, limit)
  } catch (error) {
    if (!(error instanceof InputTooLargeError)) throw error
    const message = `fichier refusé : ${error.seen} octets, au-delà de la limite de ${error.limit} octets pour ce type d’artefact`
    return { valid: false, issues: [{ severity: 'fatal', code: 'too-costly', rule: 'input/size-limit', message, location: { path: '/' }, params: { size: error.seen, limit: error.limit } }] }
  }
  return validate(bytes)
}

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('Valide hors ligne des artefacts (CDA R2, IHE_XDM, message MIME, bundle MHD, requête XDS.b) et liste les anomalies')
    .argument('<file...>', 'fichiers à valider')
    .addOption(new Option('--type <type>', 'type d’artefact (détecté sinon)').choices([...ARTEFACT_TYPES]))
    .option('--cisis-kit <dir>', 'kit CI-SIS officiel (testContenuCDA) : ajoute XSD et schématrons')
    .option('--json', 'sortie JSON (forme Issue du banc)')
    .action(async (files: string[], options: ValidateOptions) => {
      if (options.cisisKit !== undefined) {
        await requireKitDirectory(options.cisisKit)
        // Side by side and announced: the kit's first compile takes minutes.
        await prepareKit(options.cisisKit, { onProgress: (line) => process.stderr.write(`${line}\n`) })
      }
      const results: FileResult[] = []
      for (const file of files) results.push(await validateOne(file, options))
      process.stdout.write(options.json ? `${JSON.stringify({ results }, null, 2)}\n` : results.map(formatText).join('\n'))
      process.exitCode = results.every((r) => r.valid) ? ExitCode.ok : ExitCode.failed
    })
}

async function validateOne(file: string, options: ValidateOptions): Promise<FileResult> {
  const type = options.type ?? (await detectType(file))
  const validator = VALIDATORS[type]
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
  for (const type of SNIFF_ORDER) if (VALIDATORS[type].sniff(head)) return type
  throw new CliError(`${file} : type d’artefact non reconnu, précisez --type`, ExitCode.badInput)
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
