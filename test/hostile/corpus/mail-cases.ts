import { DUI_MAILBOX_PASSWORD } from '../../../mocks/mssante/credentials.ts'
import type { Expected, Family, HostileCase, ImapInput, SmtpInput } from './case.ts'
import { MIME_ATTACKS, messageWithXdm, RECIPIENT, SENDER } from './mime-attacks.ts'
import { ZIP_ATTACKS } from './zip-attacks.ts'

/** Over the operator's 25 Mo cap with room to spare (the HTTP corpus streams the 100 MB bodies). */
const FORTY_MB = 40 * 1024 * 1024

function smtpCase(family: Family, variant: string, input: Omit<SmtpInput, 'transport'>, expected: Expected): HostileCase {
  return { id: `${family}/mssante.smtp/${variant}`, family, target: 'mssante.smtp', input: { transport: 'smtp', ...input }, expected }
}

function imapCase(family: Family, variant: string, input: Omit<ImapInput, 'transport'>, expected: Expected): HostileCase {
  return { id: `${family}/mssante.imap/${variant}`, family, target: 'mssante.imap', input: { transport: 'imap', ...input }, expected }
}

const plain = (user: string, password: string) => Buffer.from(`\0${user}\0${password}`).toString('base64')

/** Broken messages and hostile IHE_XDM archives: relayed (250), each judged with its rule. */
function messageCases(): HostileCase[] {
  return [
    ...MIME_ATTACKS.map((attack) => smtpCase(attack.family, `message-${attack.variant}`, { setup: 'auth', message: attack.build() }, { status: 250, rule: attack.rule, requirement: attack.requirement, reason: attack.reason })),
    ...ZIP_ATTACKS.map((attack) => smtpCase(attack.family, `xdm-${attack.variant}`, { setup: 'auth', message: messageWithXdm(attack.build()) }, { status: 250, rule: attack.rule, requirement: 'MSS-006', reason: attack.reason })),
    smtpCase('huge-body', 'message-40MB', { setup: 'auth', message: { chunk: Buffer.from(`${'X'.repeat(998)}\r\n`.repeat(64)), bytes: FORTY_MB } }, { status: 552, reason: /5\.3\.4 message de \d+ octets, au-delà de la taille maximale de 26214400 octets/, truncated: true }),
  ]
}

/** Commands out of order, floods and oversized lines: answered with the SMTP error, recorded in the session transcript. */
function protocolCases(): HostileCase[] {
  const rcptFlood = Array.from({ length: 12 }, (_, i) => `RCPT TO:<destinataire${i}@exemple.fr>\r\n`).join('')
  return [
    smtpCase('smtp-pipelining', 'commands-before-greeting', { setup: 'connect', lines: 'EHLO presse.test\r\nMAIL FROM:<a@exemple.fr>\r\n' }, { status: 421, reason: /client trop pressé/ }),
    smtpCase('smtp-pipelining', 'data-without-rcpt', { setup: 'auth', lines: `MAIL FROM:<${SENDER}>\r\nDATA\r\n` }, { status: 503, reason: /commande hors séquence/ }),
    smtpCase('smtp-pipelining', 'data-without-mail', { setup: 'auth', lines: 'DATA\r\n' }, { status: 503, reason: /commande hors séquence/ }),
    smtpCase('smtp-pipelining', 'rcpt-before-mail', { setup: 'auth', lines: `RCPT TO:<${RECIPIENT}>\r\n` }, { status: 503, reason: /commande hors séquence/ }),
    smtpCase('smtp-pipelining', 'rcpt-flood-unauthenticated', { setup: 'tls', lines: `MAIL FROM:<${SENDER}>\r\n${rcptFlood}` }, { status: 421, reason: /session coupée par l'opérateur/ }),
    smtpCase('smtp-pipelining', 'unknown-command-flood', { setup: 'ehlo', lines: 'XYZZY\r\n'.repeat(12) }, { status: 421, reason: /session coupée par l'opérateur/ }),
    smtpCase('smtp-pipelining', 'http-request-on-smtp', { setup: 'ehlo', lines: 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' }, { status: 421, reason: /session coupée par l'opérateur/ }),
    smtpCase('smtp-pipelining', 'command-line-100KB', { setup: 'ehlo', lines: `MAIL FROM:<${'a'.repeat(100_000)}@exemple.fr>\r\n` }, { status: 'closed', reason: /ligne de commande trop longue/ }),
    smtpCase('smtp-pipelining', 'line-1MB-without-crlf', { setup: 'ehlo', lines: 'N'.repeat(1024 * 1024) }, { status: 'closed', reason: /ligne de commande trop longue/ }),
    smtpCase('smtp-pipelining', 'nul-bytes-in-command', { setup: 'ehlo', lines: 'MAIL FROM:<a\u0000b@exemple.fr>\r\n' }, { status: 530, reason: /authentification requise/ }),
    smtpCase('smtp-pipelining', 'bdat-not-offered', { setup: 'auth', lines: 'BDAT 10 LAST\r\n0123456789\r\n' }, { status: 500, reason: /commande inconnue/ }),
    smtpCase('header-injection', 'mail-from-bare-cr', { setup: 'auth', lines: `MAIL FROM:<${SENDER}\rRCPT TO:<espion@exemple.fr>>\r\n` }, { status: 501, reason: /syntaxe invalide/ }),
  ]
}

/** Credentials in clear, outdated TLS: refused with the operator's French reason, recorded as refusals. */
function transportCases(): HostileCase[] {
  return [
    smtpCase('plaintext-auth', 'auth-plain-before-starttls', { setup: 'ehlo', lines: `AUTH PLAIN ${plain(SENDER, DUI_MAILBOX_PASSWORD)}\r\n` }, { status: 538, rule: 'transport/starttls-before-auth', requirement: 'SEC-001', reason: /STARTTLS obligatoire avant AUTH/ }),
    smtpCase('plaintext-auth', 'auth-login-before-starttls', { setup: 'ehlo', lines: `AUTH LOGIN ${Buffer.from(SENDER).toString('base64')}\r\n${Buffer.from(DUI_MAILBOX_PASSWORD).toString('base64')}\r\n` }, { status: 538, rule: 'transport/starttls-before-auth', requirement: 'SEC-001', reason: /STARTTLS obligatoire avant AUTH/ }),
    smtpCase('plaintext-auth', 'mail-before-auth-in-clear', { setup: 'ehlo', lines: `MAIL FROM:<${SENDER}>\r\n` }, { status: 530, reason: /authentification requise/ }),
    smtpCase('plaintext-auth', 'wrong-password-over-tls', { setup: 'tls', lines: `AUTH PLAIN ${plain(SENDER, 'devine')}\r\n` }, { status: 535, rule: 'transport/authentication', reason: /identifiant ou mot de passe incorrect/ }),
    smtpCase('plaintext-auth', 'auth-garbage-base64', { setup: 'tls', lines: 'AUTH PLAIN !!!pas-du-base64!!!\r\n' }, { status: 501, reason: /syntaxe invalide/ }),
    smtpCase('tls-downgrade', 'starttls-tls-1.1', { setup: 'tls', tlsVersion: 'TLSv1.1' }, { status: 'tls-refused', rule: 'transport/tls-version', requirement: 'SEC-002', reason: /version de TLS du client refusée, TLS 1\.2 minimum/ }),
    smtpCase('tls-downgrade', 'starttls-tls-1.0', { setup: 'tls', tlsVersion: 'TLSv1' }, { status: 'tls-refused', rule: 'transport/tls-version', requirement: 'SEC-002', reason: /version de TLS du client refusée, TLS 1\.2 minimum/ }),
    smtpCase('tls-downgrade', 'plaintext-after-starttls', { setup: 'ehlo', lines: `STARTTLS\r\nAUTH PLAIN ${plain(SENDER, DUI_MAILBOX_PASSWORD)}\r\n` }, { status: 'closed', reason: /négociation TLS échouée|version de TLS du client refusée/ }),
    smtpCase('tls-downgrade', 'starttls-twice', { setup: 'tls', lines: 'STARTTLS\r\n' }, { status: 503, reason: /commande hors séquence/ }),
  ]
}

/** IMAP abuse: refused with a tagged NO/BAD (or a cut), the session transcript recorded. */
function imapCases(): HostileCase[] {
  const login = `a1 LOGIN ${SENDER} ${DUI_MAILBOX_PASSWORD}\r\n`
  return [
    imapCase('plaintext-auth', 'login-before-starttls', { setup: 'connect', lines: login }, { status: 'BAD', reason: /refus du serveur|STARTTLS/ }),
    imapCase('plaintext-auth', 'authenticate-before-starttls', { setup: 'connect', lines: `a1 AUTHENTICATE PLAIN ${plain(SENDER, DUI_MAILBOX_PASSWORD)}\r\n` }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('plaintext-auth', 'wrong-password-over-tls', { setup: 'tls', lines: `a1 LOGIN ${SENDER} devine\r\n` }, { status: 'NO', reason: /refus du serveur/ }),
    imapCase('tls-downgrade', 'starttls-tls-1.1', { setup: 'tls', tlsVersion: 'TLSv1.1' }, { status: 'tls-refused', reason: /négociation TLS \(STARTTLS\) échouée : TLS 1\.2 minimum exigé/ }),
    imapCase('tls-downgrade', 'starttls-tls-1.0', { setup: 'tls', tlsVersion: 'TLSv1' }, { status: 'tls-refused', reason: /négociation TLS \(STARTTLS\) échouée : TLS 1\.2 minimum exigé/ }),
    imapCase('imap-abuse', 'deep-parentheses', { setup: 'connect', lines: `a1 ID ${'('.repeat(50_000)}\r\n` }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('imap-abuse', 'literal-of-4GB-announced', { setup: 'connect', lines: Buffer.concat([Buffer.from('a1 LOGIN {4294967295}\r\n'), Buffer.alloc(40 * 1024 * 1024, 0x41)]) }, { status: 'closed', reason: /coupée : commande de plus de 32 Mio/ }),
    imapCase('imap-abuse', 'line-1MB-without-crlf', { setup: 'connect', lines: 'A'.repeat(1024 * 1024) }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('imap-abuse', 'noop-flood', { setup: 'connect', lines: Array.from({ length: 2_000 }, (_, i) => `n${i} NOOP\r\n`).join('') + 'x1 FOO\r\n' }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('imap-abuse', 'fetch-before-select', { setup: 'login', lines: 'a1 FETCH 1:* (BODY[])\r\n' }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('imap-abuse', 'select-path-traversal', { setup: 'login', lines: 'a1 SELECT "../../../etc"\r\n' }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('imap-abuse', 'append-before-login', { setup: 'connect', lines: 'a1 APPEND INBOX {10}\r\n0123456789\r\n' }, { status: 'BAD', reason: /refus du serveur/ }),
    imapCase('invalid-utf8', 'command-invalid-utf8', { setup: 'login', lines: Buffer.concat([Buffer.from('a1 SELECT "'), Buffer.from([0xff, 0xfe]), Buffer.from('"\r\n')]) }, { status: 'BAD', reason: /refus du serveur/ }),
  ]
}

export function mailCases(): HostileCase[] {
  return [...messageCases(), ...protocolCases(), ...transportCases(), ...imapCases()]
}
