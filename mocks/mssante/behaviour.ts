/** SMTP stages where the operator can be told to fail. */
export type SmtpStage = 'connect' | 'auth' | 'mail' | 'rcpt' | 'data'

/**
 * How the simulated operator misbehaves, on demand of a scenario; reset after each scenario.
 * Codes are what a real operator answers (RFC 5321 / RFC 3463).
 */
export interface OperatorBehaviour {
  /** Answer `code` (4xx temporary, 5xx permanent) at `stage`, `times` times (default: always). */
  readonly failAt?: { readonly stage: SmtpStage; readonly code: number; readonly message?: string; readonly times?: number }
  /** Recipients whose mailbox is full: `452 4.2.2` at RCPT TO. */
  readonly mailboxFull?: readonly string[]
  /** Recipients the operator does not know: accepted, then a bounce is delivered to the IMAP mailbox. */
  readonly unknownRecipients?: readonly string[]
  /** Delay before each SMTP reply (a slow server). */
  readonly delayMs?: number
}
