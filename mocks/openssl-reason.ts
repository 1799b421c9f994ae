/** `…:SSL routines:func:unsupported protocol:file:line:` -> `unsupported protocol` (the part a reader understands). */
export function opensslReason(message: string): string {
  return /SSL routines:[^:]*:([^:]+)/.exec(message)?.[1] ?? message.trim()
}
