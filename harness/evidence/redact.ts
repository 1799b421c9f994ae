/**
 * Masks secrets in evidence before anything is persisted: SMTP/IMAP credentials, HTTP
 * authorisation headers, OAuth/OIDC tokens (JWTs, token fields) and PEM private keys. The
 * evidence keeps its shape (the header, the command, the JSON key stay), only the secret goes.
 */

/** What replaces a secret, so a reader sees that something was there. */
export const REDACTED = '[masqué]'

// Form values are percent-encoded; the marker is ASCII once encoded, the same for text and bytes.
const FORM_MARKER = encodeURIComponent(REDACTED)
// Transcripts may prefix each line with who spoke (`C: `, `S: `, `> `, `< `).
const WHO = String.raw`(?:[CS]: ?|[<>] ?)?`

export type Redactor = (data: Buffer) => Buffer

interface Pattern {
  readonly name: string
  readonly regex: RegExp
  readonly replace: (match: string, ...groups: string[]) => string
}

function patterns(marker: string): readonly Pattern[] {
  return [
    {
      name: 'pem-private-key',
      regex: /-----BEGIN ([A-Z0-9 ]*PRIVATE KEY)-----[\s\S]*?-----END \1-----/g,
      replace: (_m, label) => `-----BEGIN ${label}-----${marker}-----END ${label}-----`,
    },
    {
      // HTTP (and SIP-like) authorisation headers keep their scheme, lose their credentials.
      name: 'authorization-header',
      regex: new RegExp(String.raw`^(${WHO}(?:proxy-)?authorization[ \t]*:[ \t]*)([A-Za-z][\w.-]*)([ \t]+)[^\r\n]+`, 'gim'),
      replace: (_m, head, scheme, space) => `${head}${scheme}${space}${marker}`,
    },
    {
      name: 'authorization-header-bare',
      regex: new RegExp(String.raw`^(${WHO}(?:proxy-)?authorization[ \t]*:[ \t]*)[^\s]+$`, 'gim'),
      replace: (_m, head) => `${head}${marker}`,
    },
    {
      // SMTP `AUTH PLAIN <b64>` / `AUTH LOGIN <b64>`, IMAP `AUTHENTICATE PLAIN <b64>` on one line.
      name: 'sasl-initial-response',
      regex: new RegExp(String.raw`^(${WHO}(?:[A-Za-z0-9.]+ )?(?:AUTH|AUTHENTICATE)[ \t]+[A-Za-z0-9-]+[ \t]+)[A-Za-z0-9+/=]+[ \t]*$`, 'gim'),
      replace: (_m, head) => `${head}${marker}`,
    },
    {
      // The client's answer to a SASL challenge (`334 …` in SMTP, `+ …` in IMAP) is a credential.
      name: 'sasl-continuation',
      regex: new RegExp(String.raw`^(${WHO}(?:334|\+)(?:[ \t][^\r\n]*)?\r?\n${WHO})[A-Za-z0-9+/=]{4,}[ \t]*$`, 'gm'),
      replace: (_m, head) => `${head}${marker}`,
    },
    {
      // IMAP `tag LOGIN user password`.
      name: 'imap-login',
      regex: new RegExp(String.raw`^(${WHO}[A-Za-z0-9.]+ LOGIN[ \t]+(?:"[^"\r\n]*"|\S+)[ \t]+)(?:"[^"\r\n]*"|\S+)[ \t]*$`, 'gim'),
      replace: (_m, head) => `${head}${marker}`,
    },
    {
      name: 'jwt',
      regex: /\beyJ[A-Za-z0-9_-]{4,}\.eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
      replace: () => marker,
    },
    {
      // Headers recorded as JSON (`"authorization": "Bearer …"`).
      name: 'json-authorization',
      regex: /("(?:proxy-)?authorization"[ \t]*:[ \t]*")([A-Za-z][\w.-]*) (?:[^"\\]|\\.)*"/gi,
      replace: (_m, head, scheme) => `${head}${scheme} ${marker}"`,
    },
    {
      // OAuth/OIDC fields in JSON bodies.
      name: 'json-secret-field',
      regex: /("(?:access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|password|private_key)"[ \t]*:[ \t]*)"(?:[^"\\]|\\.)*"/g,
      replace: (_m, head) => `${head}"${marker}"`,
    },
    {
      // The same fields in form-encoded bodies and query strings (a value stops at a quote, so a
      // URL quoted in JSON stays valid JSON).
      name: 'form-secret-field',
      regex: /(^|[?&\s])((?:access_token|refresh_token|id_token|client_secret|client_assertion|code_verifier|password)=)[^&\s"'\\<]*/gm,
      replace: (_m, lead, head) => `${lead}${head}${FORM_MARKER}`,
    },
  ]
}

const TEXT_PATTERNS = patterns(REDACTED)
// Bytes are handled as latin1 so binary content round-trips unchanged (every pattern is ASCII);
// the marker is then spelled as its UTF-8 bytes so the result stays valid UTF-8.
const BYTE_PATTERNS = patterns(Buffer.from(REDACTED, 'utf8').toString('latin1'))

/** Masks every known secret in `text`; returns the text unchanged when there is none. */
export function redactText(text: string): string {
  return apply(TEXT_PATTERNS, text)
}

function apply(list: readonly Pattern[], text: string): string {
  let out = text
  for (const pattern of list) {
    pattern.regex.lastIndex = 0
    out = out.replace(pattern.regex, pattern.replace as (substring: string, ...args: string[]) => string)
  }
  return out
}

/** Byte-level redaction for the evidence store; binary content round-trips unchanged. */
export const redactSecrets: Redactor = (data) => {
  const text = data.toString('latin1')
  const redacted = apply(BYTE_PATTERNS, text)
  return redacted === text ? data : Buffer.from(redacted, 'latin1')
}
