import type { ActionOutcome, Capabilities, Driver, DriverCall, SessionInfo } from './driver.ts'
import { DriverError } from './driver.ts'
import { linkedSignal } from '../core/linked-signal.ts'

/** How long a session call (capabilities, session) may take; an action has its step's budget. */
const CALL_TIMEOUT_MS = 30_000

interface CallResult {
  readonly status: number
  readonly text: string
  readonly json: unknown
  readonly call: DriverCall
}

/** Speaks the driver protocol (docs/driver-protocol.md) to a candidate's HTTP endpoint. */
export class HttpDriver implements Driver {
  onCall?: (call: DriverCall) => void
  readonly #base: string

  constructor(
    baseUrl: string,
    readonly label: string = baseUrl,
    private readonly onClose: () => Promise<void> = async () => {},
    private readonly callTimeoutMs: number = CALL_TIMEOUT_MS,
  ) {
    this.#base = baseUrl.replace(/\/+$/, '')
  }

  async capabilities(): Promise<Capabilities> {
    const { json, text, call } = await this.#session('GET', '/capabilities')
    if (!isRecord(json) || !Array.isArray(json['actions']) || typeof json['name'] !== 'string') {
      throw new DriverError(`réponse de GET /capabilities hors protocole (attendu {"name", "actions": [...]}) : ${preview(text)}`, call)
    }
    const actions = json['actions'].filter((a): a is string => typeof a === 'string')
    const version = typeof json['version'] === 'string' ? json['version'] : undefined
    return { name: json['name'], actions, ...(version ? { version } : {}) }
  }

  async openSession(session: SessionInfo): Promise<void> {
    await this.#session('POST', '/session', session)
  }

  async trigger(action: string, params: Readonly<Record<string, unknown>>, signal?: AbortSignal): Promise<ActionOutcome> {
    // The step's signal carries its budget (`timeouts.stepMs`, may exceed 30 s): no shorter cap of our own.
    const { status, json, text, call } = await this.#call('POST', `/actions/${encodeURIComponent(action)}`, { params }, signal, signal ? undefined : this.callTimeoutMs)
    if (!isRecord(json)) throw new DriverError(`réponse de l'action ${action} hors protocole (objet JSON attendu) : ${preview(text)}`, call)
    // A success must say so: an object without `ok` is not taken for a done action.
    if (status < 400 && typeof json['ok'] !== 'boolean') {
      throw new DriverError(`réponse de l'action ${action} hors protocole (attendu {"ok": true, "result": {…}} ou {"ok": false, "error": "…"}) : ${preview(text)}`, call)
    }
    if (status >= 400 || json['ok'] === false) {
      const error = typeof json['error'] === 'string' ? json['error'] : `HTTP ${status}`
      return { result: { ok: false, error }, call }
    }
    return { result: { ok: true, result: isRecord(json['result']) ? json['result'] : {} }, call }
  }

  async close(): Promise<void> {
    await this.onClose()
  }

  /** Session-level call: an HTTP error status is a protocol failure. */
  async #session(method: string, path: string, payload?: unknown): Promise<CallResult> {
    const result = await this.#call(method, path, payload, undefined, this.callTimeoutMs)
    this.onCall?.(result.call)
    if (result.status >= 400) throw new DriverError(`${method} ${path} a répondu HTTP ${result.status} : ${preview(result.text)}`, result.call)
    return result
  }

  async #call(method: string, path: string, payload: unknown, signal: AbortSignal | undefined, timeoutMs: number | undefined): Promise<CallResult> {
    const url = this.#base + path
    const requestBody = payload === undefined ? undefined : JSON.stringify(payload)
    const started = Date.now()
    const deadline = linkedSignal(signal, timeoutMs)
    const record = (status?: number, responseBody?: string): DriverCall => ({
      method,
      url,
      ...(requestBody !== undefined ? { requestBody } : {}),
      ...(status !== undefined ? { status } : {}),
      ...(responseBody !== undefined ? { responseBody } : {}),
      startedAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    })
    let status: number
    let text: string
    try {
      const response = await fetch(url, {
        method,
        headers: requestBody ? { 'content-type': 'application/json' } : {},
        body: requestBody,
        signal: deadline.signal,
      })
      status = response.status
      text = await response.text()
    } catch (error) {
      // Ended by the caller (step budget spent, campaign interrupted) or by our own cap.
      const reason = signal?.aborted ? 'appel interrompu' : describeFetchError(error, timeoutMs)
      throw new DriverError(`candidat injoignable (${method} ${url}) : ${reason}`, record())
    } finally {
      deadline.dispose()
    }
    const call = record(status, text)
    let json: unknown
    try {
      json = text.length > 0 ? JSON.parse(text) : {}
    } catch {
      throw new DriverError(`${method} ${path} a répondu un corps qui n'est pas du JSON (HTTP ${status}) : ${preview(text)}`, call)
    }
    return { status, text, json, call }
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function preview(text: string | undefined): string {
  if (!text) return '(vide)'
  return text.length > 200 ? `${text.slice(0, 200)}…` : text
}

function describeFetchError(error: unknown, timeoutMs: number | undefined): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'TimeoutError' && timeoutMs !== undefined) return `pas de réponse en ${timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`}`
  const cause = (error as { cause?: { code?: string; message?: string } }).cause
  // The candidate went away while answering (it crashed or was stopped mid-call).
  if (cause?.code === 'UND_ERR_SOCKET' || cause?.code === 'ECONNRESET') return `connexion coupée par le candidat pendant l'appel (${cause.code})`
  return cause?.code ?? cause?.message ?? error.message
}
