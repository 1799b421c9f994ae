import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The hand-computed export (see its README.md for the expected figures). */
export const handDir = fileURLToPath(new URL('../../fixtures/indicators/hand-computed/', import.meta.url))

export const handFiles = ['usagers-a.csv', 'usagers-b.ndjson', 'events-a.csv', 'events-b.ndjson'].map((f) => join(handDir, f))

/** A fresh temp dir with the given files written in it; returns their paths in order. */
export function writeTemp(files: Record<string, string | Buffer>): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'dui-indicators-'))
  return Object.entries(files).map(([name, content]) => {
    const path = join(dir, name)
    writeFileSync(path, content)
    return path
  })
}

/** `num/den` of each indicator, in INDICATOR_IDS order. */
export function fractions(results: readonly { numerator: number; denominator: number }[]): string[] {
  return results.map((r) => `${r.numerator}/${r.denominator}`)
}
