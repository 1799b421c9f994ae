import { createRequire } from 'node:module'

/** The part of the SaxonJS API we use (saxon-js ships no TypeScript types). */
export interface SaxonJsApi {
  transform(
    options: {
      readonly stylesheetText?: string
      /** A parsed SEF, reused across transforms (saves re-parsing megabytes of JSON). */
      readonly stylesheetInternal?: unknown
      readonly stylesheetFileName?: string
      readonly sourceText?: string
      readonly destination: 'serialized'
      readonly stylesheetParams?: Record<string, unknown>
    },
    mode: 'sync',
  ): { principalResult: string | null }
}

let saxon: SaxonJsApi | undefined

/** Loaded lazily: only the kit mode needs SaxonJS (2.4 MB to parse). */
export function saxonJs(): SaxonJsApi {
  saxon ??= createRequire(import.meta.url)('saxon-js') as SaxonJsApi
  return saxon
}
