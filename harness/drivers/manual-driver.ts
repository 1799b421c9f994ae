import { DUI_MAILBOX_LOCAL_PART, DUI_MAILBOX_PASSWORD } from '../../mocks/mssante/index.ts'
import type { ActionOutcome, ActionResult, Capabilities, Driver, DriverCall, SessionInfo } from './driver.ts'
import { DriverError } from './driver.ts'
import { ANSWERS, DuiReportedFailure, type Operator } from './manual-answers.ts'
import { ManualBook } from './manual-book.ts'
import { INSTRUCTIONS, MANUAL_ACTIONS } from './manual-instructions.ts'
import { describeDuration, type OperatorConsole } from './operator-console.ts'

export const MANUAL_CANDIDATE = 'manual'
const DEFAULT_NAME = 'DUI piloté manuellement'

export interface ManualDriverOptions {
  /** How long the driver waits for each answer of the operator (the run's traffic timeout). */
  readonly answerTimeoutMs: number
}

/**
 * `--candidate manual`: a person drives the DUI. Each action is printed as a French instruction;
 * for an action whose effect is traffic (DMP, MSSanté sending) the driver returns at once and the
 * step awaits that traffic on the simulators; for an action whose result the step reads (an
 * identifier, a status the DUI shows), the operator types it. Every instruction and answer is
 * recorded as evidence, like the calls of the HTTP driver.
 */
export class ManualDriver implements Driver {
  readonly label = MANUAL_CANDIDATE
  onCall?: (call: DriverCall) => void
  readonly #console: OperatorConsole
  readonly #options: ManualDriverOptions
  readonly #book = new ManualBook()

  constructor(console: OperatorConsole, options: ManualDriverOptions) {
    this.#console = console
    this.#options = options
  }

  async capabilities(): Promise<Capabilities> {
    const started = Date.now()
    this.#console.say(
      '\n=== dui-harness — pilote manuel ===\n' +
        'Vous allez faire vous-même, dans le DUI, les actions que le banc demande ; le banc observe ce que le DUI envoie aux services simulés.\n' +
        `Chaque question attend une ligne (Entrée pour valider) pendant ${describeDuration(this.#options.answerTimeoutMs)} au plus. ` +
        'Si le DUI affiche une erreur, répondez « ! » suivi du message affiché.',
    )
    const ask = (prompt: string) => this.#console.ask(prompt, { timeoutMs: this.#options.answerTimeoutMs })
    const name = (await ask(`Nom du DUI testé (Entrée : « ${DEFAULT_NAME} »)`)) || DEFAULT_NAME
    const version = await ask('Version du DUI testé (Entrée : non déclarée)')
    const capabilities: Capabilities = { name, ...(version ? { version } : {}), actions: MANUAL_ACTIONS }
    this.onCall?.(call('/capabilities', started, 'identification du DUI par l\'opérateur', capabilities))
    return capabilities
  }

  async openSession(session: SessionInfo): Promise<void> {
    const text = sessionText(session)
    this.#console.say(text)
    this.onCall?.(call('/session', Date.now(), text))
  }

  async trigger(action: string, params: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ActionOutcome> {
    const instruction = INSTRUCTIONS[action]
    if (!instruction) throw new DriverError(`action inconnue du pilote manuel : ${action}`)
    const started = Date.now()
    const text = instruction(params, this.#book)
    this.#console.say(`\n▷ ${text}`)
    const answers = ANSWERS[action]
    if (!answers) {
      this.#console.say('  (le banc attend maintenant ce que le DUI envoie)')
      return { result: { ok: true, result: {} }, call: call(`/actions/${action}`, started, text, undefined, params) }
    }
    let result: ActionResult
    try {
      result = { ok: true, result: await answers(params, this.#book, this.#operator(signal)) }
    } catch (error) {
      // No answer (time out, input closed): the step errs, and the instruction given stays in evidence.
      if (error instanceof DriverError) throw new DriverError(error.message, call(`/actions/${action}`, started, text, undefined, params))
      if (!(error instanceof DuiReportedFailure)) throw error
      result = { ok: false, error: error.message }
    }
    return { result, call: call(`/actions/${action}`, started, text, result, params) }
  }

  async close(): Promise<void> {
    this.#console.close()
  }

  /** The console bound to this driver's answer timeout and to the step's signal; `!…` is the DUI's error. */
  #operator(signal?: AbortSignal): Operator {
    return {
      ask: async (prompt) => {
        const line = await this.#console.ask(prompt, { timeoutMs: this.#options.answerTimeoutMs, ...(signal ? { signal } : {}) })
        if (line.startsWith('!')) throw new DuiReportedFailure(line.slice(1).trim() || 'échec signalé par l\'opérateur')
        return line
      },
      say: (text) => this.#console.say(text),
    }
  }
}

/** One exchange with the operator as a driver call, for evidence: the instruction, then the answer. */
function call(path: string, started: number, instruction: string, answer?: unknown, params?: Readonly<Record<string, unknown>>): DriverCall {
  return {
    method: 'MANUAL',
    url: `manual://operateur${path}`,
    requestBody: JSON.stringify({ instruction, ...(params ? { params } : {}) }, null, 2),
    ...(answer !== undefined ? { status: 200, responseBody: JSON.stringify(answer, null, 2) } : {}),
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
  }
}

/** The simulators' addresses and the test CA, as the operator configures them in the DUI. */
export function sessionText(session: SessionInfo): string {
  const e = session.endpoints
  const lines = [
    '',
    `=== Campagne ${session.runId} : configurez le DUI pour utiliser ces services simulés ===`,
    `  DMP, FHIR PDSm (ITI-65, ITI-67, TD0.2…) : ${e.dmp.fhir}`,
    ...(e.dmp.xds ? [`  DMP, XDS.b SOAP (ITI-41, ITI-18, ITI-57…) : ${e.dmp.xds}`] : []),
    ...(e.mssante
      ? [
          `  MSSanté, SMTP (STARTTLS) : ${e.mssante.smtp} — IMAP (STARTTLS) : ${e.mssante.imap}`,
          `  MSSanté, boîte du DUI : ${DUI_MAILBOX_LOCAL_PART}@${e.mssante.domain}, mot de passe ${DUI_MAILBOX_PASSWORD}`,
        ]
      : []),
    ...(e.insi ? [`  INSi : ${e.insi}`] : []),
    ...(e.insiCertificate ? [`  INSi, certificat client (TLS mutuel) : ${e.insiCertificate.cert} — clé : ${e.insiCertificate.key}`] : []),
    ...(e.psc ? [`  Pro Santé Connect, émetteur OpenID Connect : ${e.psc.issuer}`] : []),
    ...(e.annuaire ? [`  Annuaire Santé, FHIR : ${e.annuaire}`] : []),
    ...(e.ca ? [`  Autorité de certification de test, à ajouter aux autorités de confiance du DUI : ${e.ca}`] : []),
    `Adresses au format JSON : ${JSON.stringify(e)}`,
  ]
  return lines.join('\n')
}
