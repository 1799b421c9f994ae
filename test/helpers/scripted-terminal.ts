import { PassThrough, type Readable, type Writable } from 'node:stream'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * A terminal for tests of the manual driver: what the harness writes is collected as text, and
 * the test answers only once the expected prompt is on screen, as an operator would. By default
 * in-memory streams; give a child process's stdin and stdout to drive the real CLI.
 */
export function scriptedTerminal<I extends Writable = PassThrough, O extends Readable = PassThrough>(streams?: { input: I; output: O }) {
  const input = streams?.input ?? (new PassThrough() as unknown as I)
  const output = streams?.output ?? (new PassThrough() as unknown as O)
  let text = ''
  let read = 0
  output.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')))
  const terminal = {
    input,
    output,
    /** Everything written so far. */
    text: () => text,
    /** Waits until `pattern` appears after what was already matched; returns the match. */
    async until(pattern: RegExp, attempts = 2000): Promise<RegExpExecArray> {
      for (let i = 0; i < attempts; i += 1) {
        const match = new RegExp(pattern.source, pattern.flags.replace('g', '')).exec(text.slice(read))
        if (match) {
          read += match.index + match[0].length
          return match
        }
        await sleep(5)
      }
      throw new Error(`jamais affiché : ${pattern} ; écran :\n${text.slice(read)}`)
    },
    /** Waits for the prompt, then types `line` and Enter. */
    async answer(prompt: RegExp, line: string): Promise<void> {
      await terminal.until(prompt)
      input.write(`${line}\n`)
    },
  }
  return terminal
}
