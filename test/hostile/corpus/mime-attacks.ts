import { DEFAULT_DOMAIN } from '../../../mocks/mssante/credentials.ts'
import type { Family } from './case.ts'

/**
 * Broken RFC 5322 / MIME messages, as a DUI could submit them over SMTP (or hand to `validate
 * --type mime`). The operator relays them (250): the findings are the harness's, with their rule.
 */
export interface MimeAttack {
  readonly variant: string
  readonly family: Family
  build(): Buffer
  readonly rule: string
  readonly requirement: string
  readonly reason: RegExp
}

export const SENDER = `dui@${DEFAULT_DOMAIN}`
/** A professional's address on another operator (test identity). */
export const RECIPIENT = 'claire.dupont@ch-fictif.test-ci-sis.mssante.fr'

/** Headers of a plain message; `overrides` replace or (with `undefined`) drop one. */
function headers(overrides: Record<string, string | undefined> = {}): string {
  const fields: Record<string, string | undefined> = {
    From: SENDER,
    To: RECIPIENT,
    Date: 'Mon, 23 Nov 2026 10:00:00 +0100',
    'Message-ID': `<hostile-${Math.random().toString(36).slice(2)}@${DEFAULT_DOMAIN}>`,
    Subject: 'Message de test',
    'MIME-Version': '1.0',
    ...overrides,
  }
  return Object.entries(fields)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')
}

const text = (body: string, overrides: Record<string, string | undefined> = {}) => Buffer.from(`${headers({ 'Content-Type': 'text/plain; charset=UTF-8', ...overrides })}\r\n${body}\r\n`, 'latin1')

/** `depth` multiparts nested in each other around one text part. */
function nestedMultiparts(depth: number): Buffer {
  let body = 'Content-Type: text/plain; charset=UTF-8\r\n\r\nfond\r\n'
  for (let level = depth; level > 0; level--) body = `Content-Type: multipart/mixed; boundary="b${level}"\r\n\r\n--b${level}\r\n${body}--b${level}--\r\n`
  return Buffer.from(`${headers()}${body}`, 'latin1')
}

/** A message carrying `zip` as IHE_XDM.zip and a PDF, subject of a document message. */
export function messageWithXdm(zip: Buffer): Buffer {
  const base64 = zip.toString('base64').replace(/.{76}/g, '$&\r\n')
  const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64')
  return Buffer.from(
    `${headers({ Subject: 'XDM/1.0/DDM+COMPTE RENDU', 'Content-Type': 'multipart/mixed; boundary="xdm-b"' })}\r\n` +
      '--xdm-b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nCompte rendu ci-joint.\r\n' +
      `--xdm-b\r\nContent-Type: application/zip\r\nContent-Disposition: attachment; filename="IHE_XDM.zip"\r\nContent-Transfer-Encoding: base64\r\n\r\n${base64}\r\n` +
      `--xdm-b\r\nContent-Type: application/pdf\r\nContent-Disposition: attachment; filename="compte-rendu.pdf"\r\nContent-Transfer-Encoding: base64\r\n\r\n${pdf}\r\n--xdm-b--\r\n`,
    'latin1',
  )
}

const WELL_FORMED = { rule: 'mime/well-formed', requirement: 'MSS-012' } as const

export const MIME_ATTACKS: readonly MimeAttack[] = [
  { variant: 'no-blank-line', family: 'broken-mime', build: () => Buffer.from(`${headers()}Content-Type: text/plain\r\n`), ...WELL_FORMED, reason: /pas de ligne vide séparant les en-têtes du corps/ },
  { variant: 'multipart-without-boundary', family: 'broken-mime', build: () => text('--x\r\nfond\r\n--x--', { 'Content-Type': 'multipart/mixed' }), ...WELL_FORMED, reason: /multipart\/mixed sans paramètre boundary/ },
  { variant: 'boundary-never-closed', family: 'broken-mime', build: () => text('--b\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nfond', { 'Content-Type': 'multipart/mixed; boundary="b"' }), ...WELL_FORMED, reason: /n'est pas fermée par « --b-- »/ },
  { variant: 'boundary-absent-from-body', family: 'broken-mime', build: () => text('aucune frontière ici', { 'Content-Type': 'multipart/mixed; boundary="absente"' }), ...WELL_FORMED, reason: /le délimiteur « --absente » annoncé par Content-Type n'apparaît pas/ },
  { variant: 'nested-multiparts-500', family: 'deep-nesting', build: () => nestedMultiparts(500), ...WELL_FORMED, reason: /imbrication MIME au-delà de 16 niveaux/ },
  { variant: 'header-line-without-colon', family: 'broken-mime', build: () => Buffer.from(`${headers()}Ceci n est pas un en-tete\r\n\r\nfond\r\n`), ...WELL_FORMED, reason: /ligne d'en-tête invalide/ },
  { variant: 'continuation-first', family: 'broken-mime', build: () => Buffer.from(` continuation orpheline\r\n${headers()}\r\nfond\r\n`), ...WELL_FORMED, reason: /ligne de continuation sans en-tête/ },
  { variant: 'line-of-100KB', family: 'broken-mime', build: () => text('x'.repeat(100_000)), ...WELL_FORMED, reason: /une ligne dépasse 998 caractères/ },
  { variant: 'no-from-no-date', family: 'broken-mime', build: () => text('fond', { From: undefined, Date: undefined }), ...WELL_FORMED, reason: /en-tête From absent/ },
  { variant: 'date-not-rfc5322', family: 'broken-mime', build: () => text('fond', { Date: '2026-11-23T10:00:00Z' }), ...WELL_FORMED, reason: /hors du format RFC 5322/ },
  { variant: 'no-message-id', family: 'broken-mime', build: () => text('fond', { 'Message-ID': undefined }), rule: 'mime/message-id', requirement: 'MSS-003', reason: /Message-ID/ },
  { variant: 'text-invalid-utf8', family: 'invalid-utf8', build: () => Buffer.concat([text('début'), Buffer.from([0xff, 0xfe, 0xc0, 0xaf, 0x0d, 0x0a])]), rule: 'mime/utf8-text', requirement: 'MSS-004', reason: /déclarée UTF-8 mais ses octets ne sont pas de l'UTF-8 valide/ },
  { variant: 'text-latin1', family: 'invalid-utf8', build: () => text('Hélène', { 'Content-Type': 'text/plain; charset=ISO-8859-1' }), rule: 'mime/utf8-text', requirement: 'MSS-004', reason: /déclarée en iso-8859-1 au lieu de UTF-8/ },
  { variant: 'subject-bare-cr', family: 'header-injection', build: () => text('fond', { Subject: 'Bonjour\rBcc: espion@exemple.fr' }), ...WELL_FORMED, reason: /CR ou LF isolé/ },
  { variant: 'header-bare-lf', family: 'header-injection', build: () => text('fond', { Subject: 'Bonjour\nBcc: espion@exemple.fr' }), ...WELL_FORMED, reason: /CR ou LF isolé/ },
  { variant: 'body-bare-lf-dot', family: 'smtp-pipelining', build: () => text('fond\n.\nMAIL FROM:<espion@exemple.fr>\nRCPT TO:<victime@exemple.fr>\nDATA\nmessage introduit'), ...WELL_FORMED, reason: /CR ou LF isolé/ },
]
