/**
 * CSV field splitting. Fast path on bytes for unquoted rows (all rows of a sane export); rows
 * holding a double quote go through `splitQuoted` on text (RFC 4180 quoting, one line per row).
 */

const SPACE = 32
const QUOTE = 34

/**
 * Writes [start, end) of each field into `bounds` (trimmed of spaces) and returns the number of
 * fields, or -1 when the row contains a double quote (use splitQuoted). Stops counting past capacity.
 */
export function fieldBounds(buf: Uint8Array, start: number, end: number, separator: number, bounds: Int32Array): number {
  const capacity = bounds.length >> 1
  let count = 0
  let fieldStart = start
  for (let i = start; i <= end; i++) {
    const code = i < end ? buf[i]! : separator
    if (code === QUOTE) return -1
    if (code !== separator) continue
    if (count < capacity) {
      let a = fieldStart
      let b = i
      while (a < b && buf[a] === SPACE) a++
      while (b > a && buf[b - 1] === SPACE) b--
      bounds[2 * count] = a
      bounds[2 * count + 1] = b
    }
    count++
    fieldStart = i + 1
  }
  return count
}

/** Splits one CSV row with quoted fields; undefined when a quote is left open. */
export function splitQuoted(text: string, separator: string): string[] | undefined {
  const fields: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!
    if (quoted) {
      if (c !== '"') field += c
      else if (text[i + 1] === '"') {
        field += '"'
        i++
      } else quoted = false
    } else if (c === '"') quoted = true
    else if (c === separator) {
      fields.push(field.trim())
      field = ''
    } else field += c
  }
  if (quoted) return undefined
  fields.push(field.trim())
  return fields
}
