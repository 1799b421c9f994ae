import { createInterface, type Interface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { DriverError } from './driver.ts'

interface Pending {
  readonly resolve: (line: string) => void
  readonly reject: (error: Error) => void
}

/**
 * Line-based dialogue with the person who drives the DUI by hand: instructions are written out,
 * answers are read one line each. A line typed while no question is pending is dropped, so a
 * stray Enter cannot answer the next question in advance. Questions are asked one at a time.
 */
export class OperatorConsole {
  readonly #lines: Interface
  readonly #output: Writable
  #pending: Pending | undefined
  #closed = false
  #turn: Promise<unknown> = Promise.resolve()

  constructor(input: Readable, output: Writable) {
    this.#output = output
    this.#lines = createInterface({ input, terminal: false })
    this.#lines.on('line', (line) => {
      const pending = this.#pending
      this.#pending = undefined
      pending?.resolve(line.trim())
    })
    this.#lines.on('close', () => {
      this.#closed = true
      const pending = this.#pending
      this.#pending = undefined
      pending?.reject(inputClosed())
    })
  }

  say(text: string): void {
    this.#output.write(text.endsWith('\n') ? text : `${text}\n`)
  }

  /**
   * Prints `prompt` and resolves the next line typed (trimmed). Rejects with a DriverError when
   * the input is closed, when no answer comes within `timeoutMs`, or when `signal` aborts.
   */
  ask(prompt: string, options: { readonly timeoutMs: number; readonly signal?: AbortSignal }): Promise<string> {
    const answer = this.#turn.then(() => this.#askNow(prompt, options))
    this.#turn = answer.catch(() => undefined)
    return answer
  }

  /** Stops reading the input (the process may then exit). */
  close(): void {
    this.#lines.close()
  }

  #askNow(prompt: string, options: { readonly timeoutMs: number; readonly signal?: AbortSignal }): Promise<string> {
    if (this.#closed) return Promise.reject(inputClosed())
    if (options.signal?.aborted) return Promise.reject(new DriverError('consigne abandonnée : l\'étape est terminée'))
    this.say(`? ${prompt}`)
    return new Promise<string>((resolve, reject) => {
      const finish = () => {
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        if (this.#pending === pending) this.#pending = undefined
      }
      const pending: Pending = {
        resolve: (line) => {
          finish()
          resolve(line)
        },
        reject: (error) => {
          finish()
          reject(error)
        },
      }
      const timer = setTimeout(() => pending.reject(new DriverError(`aucune réponse de l'opérateur en ${describeDuration(options.timeoutMs)} à la question « ${prompt} »`)), options.timeoutMs)
      const onAbort = () => pending.reject(new DriverError('consigne abandonnée : l\'étape est terminée'))
      options.signal?.addEventListener('abort', onAbort, { once: true })
      this.#pending = pending
    })
  }
}

function inputClosed(): DriverError {
  return new DriverError('entrée standard fermée : le pilote manuel (--candidate manual) attend les réponses d\'un opérateur au clavier')
}

/** French duration for messages: `800 ms`, `15 s`, `10 min`. */
export function describeDuration(ms: number): string {
  if (ms < 1000) return `${ms} ms`
  if (ms < 120_000 || ms % 60_000 !== 0) return `${Math.round(ms / 1000)} s`
  return `${ms / 60_000} min`
}
