/**
 * One generated hostile input and what the simulator (or the `validate` command) must answer.
 * Cases are data: generators build them from families × variants × targets, players send them.
 */

/** The attack families of issue #10 (the report groups cases by them). */
export type Family =
  | 'xxe'
  | 'billion-laughs'
  | 'deep-nesting'
  | 'huge-body'
  | 'zip-bomb'
  | 'zip-slip'
  | 'lying-zip'
  | 'mtom'
  | 'invalid-utf8'
  | 'broken-mime'
  | 'header-injection'
  | 'smtp-pipelining'
  | 'tls-downgrade'
  | 'plaintext-auth'
  | 'slow-loris'
  | 'invalid-json'
  | 'wrong-content-type'
  | 'broken-http'
  | 'malformed-xml'
  | 'imap-abuse'

/** Simulator endpoints reached over HTTP(S); names are the evidence sources. */
export type HttpTarget = 'dmp.fhir' | 'dmp.xds' | 'insi' | 'psc' | 'annuaire'

/** Artefact types of `dui-harness validate` (DESIGN §6). */
export type ValidateType = 'cda' | 'xdm' | 'mime' | 'mhd-bundle' | 'xds-request'

/** A body too large to build in memory: `chunk` repeated (and cut) up to `bytes`, streamed. */
export interface StreamedBody {
  readonly chunk: Buffer
  readonly bytes: number
}

export interface HttpInput {
  readonly transport: 'http'
  readonly target: HttpTarget
  readonly method: string
  /** Path and query below the service base, as written on the request line (may be malformed). */
  readonly path: string
  /** A whole request target written as is instead of base + path (an absolute form, say). */
  readonly rawTarget?: string
  /** Header lines as sent, possibly holding CR/LF; Host, Connection and Content-Length are added. */
  readonly headers?: readonly (readonly [string, string])[]
  readonly body?: Buffer | StreamedBody
  /** Send `Content-Length` (default) or nothing (the framing is in `headers`). */
  readonly contentLength?: boolean
  /** The client closes its side right after the body (a body shorter than announced ends there). */
  readonly closeAfterBody?: boolean
}

/**
 * An SMTP dialogue on the submission port. `setup` says how far the player goes before `lines`
 * (sent in one packet, pipelined): nothing, EHLO, EHLO + STARTTLS, or logged in over TLS.
 */
export interface SmtpInput {
  readonly transport: 'smtp'
  readonly setup: 'connect' | 'ehlo' | 'tls' | 'auth'
  /** Raw bytes written at once after the setup (commands, possibly pipelined or malformed). */
  readonly lines?: Buffer | string
  /** A message sent with MAIL FROM / RCPT TO / DATA after the setup (dot-stuffed by the player). */
  readonly message?: Buffer | StreamedBody
  /** STARTTLS with an outdated protocol (the handshake must fail). */
  readonly tlsVersion?: 'TLSv1' | 'TLSv1.1'
}

export interface ImapInput {
  readonly transport: 'imap'
  readonly setup: 'connect' | 'tls' | 'login'
  readonly lines?: Buffer | string
  readonly tlsVersion?: 'TLSv1' | 'TLSv1.1'
}

/**
 * A client that connects and then stalls (slow-loris): it sends `bytes` a byte at a time, then
 * keeps trickling `trickle` (if any) and never finishes its request or command.
 */
export interface SlowInput {
  readonly transport: 'slow'
  readonly target: HttpTarget | 'mssante.smtp' | 'mssante.imap'
  readonly bytes: string
  readonly trickle?: string
}

/** A client on a TLS service (INSi) with an outdated protocol, or speaking plain HTTP: the handshake must fail. */
export interface TlsInput {
  readonly transport: 'tls'
  readonly target: 'insi'
  readonly version: 'TLSv1' | 'TLSv1.1' | 'plaintext'
}

export interface ValidateInput {
  readonly transport: 'validate'
  readonly type: ValidateType
  readonly file: Buffer | StreamedBody
}

export type HostileInput = HttpInput | SmtpInput | ImapInput | SlowInput | TlsInput | ValidateInput

export interface Expected {
  /**
   * HTTP status, SMTP reply code, IMAP tagged answer (`NO`, `BAD`), `closed` when the server
   * must end the connection, `tls-refused` when the handshake must fail, or the CLI exit code.
   */
  readonly status: number | 'NO' | 'BAD' | 'closed' | 'tls-refused'
  /** Rule id of a finding the simulator (or validator) attached. */
  readonly rule?: string
  /** Our requirement id that finding evidences. */
  readonly requirement?: string
  /** French words of the reason, in the answer or in the recorded evidence. */
  readonly reason: string | RegExp
  /** The body kept as evidence is cut at the simulator's limit (and the record says so). */
  readonly truncated?: boolean
}

export interface HostileCase {
  /** Unique, stable: `<family>/<target>/<variant>`. */
  readonly id: string
  readonly family: Family
  /** Endpoint (evidence source) or `validate:<type>`. */
  readonly target: string
  readonly input: HostileInput
  readonly expected: Expected
}
