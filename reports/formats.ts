import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { RunReport } from '../harness/core/report.ts'
import type { SigningKey } from './bundle-key.ts'
import { BUNDLE_FILE } from './bundle-manifest.ts'
import { bundleKeyLine, sealBundle } from './bundle-seal.ts'
import type { ReportDiff } from './diff.ts'
import { HTML_FILE, htmlOptionsFor, renderHtml } from './html.ts'
import { JUNIT_FILE, renderJunit } from './junit.ts'
import { renderMarkdown, SUMMARY_FILE } from './markdown.ts'

export interface FormatContext {
  readonly runDir: string
  readonly report: RunReport
  readonly key?: SigningKey
  /** Comparison with a previous run, shown in the HTML report. */
  readonly diff?: ReportDiff
  readonly log: (line: string) => void
}

interface Format {
  readonly file: string
  readonly label: string
  readonly write: (ctx: FormatContext) => void | Promise<void>
}

/** Every format `dui-harness report` can re-render from report.json; the bundle comes last so it seals the others. */
export const FORMATS = {
  html: {
    file: HTML_FILE,
    label: 'rapport HTML autonome',
    write: async (ctx) => {
      const options = await htmlOptionsFor(ctx.runDir, ctx.report)
      writeFileSync(join(ctx.runDir, HTML_FILE), renderHtml(ctx.report, { ...options, ...(ctx.diff ? { diff: ctx.diff } : {}) }))
    },
  },
  junit: { file: JUNIT_FILE, label: 'JUnit XML pour la CI', write: (ctx) => writeFileSync(join(ctx.runDir, JUNIT_FILE), renderJunit(ctx.report)) },
  md: { file: SUMMARY_FILE, label: 'résumé Markdown', write: (ctx) => writeFileSync(join(ctx.runDir, SUMMARY_FILE), renderMarkdown(ctx.report)) },
  bundle: {
    file: BUNDLE_FILE,
    label: 'paquet de preuves scellé',
    write: (ctx) => ctx.log(bundleKeyLine(sealBundle(ctx.runDir, ctx.report, ctx.key ? { key: ctx.key } : {}))),
  },
} as const satisfies Record<string, Format>

export type FormatName = keyof typeof FORMATS

export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[]

export class UnknownFormatError extends Error {
  override readonly name = 'UnknownFormatError'
}

/** `html,junit` → formats in their canonical order (bundle last); unknown names are refused. */
export function parseFormats(spec: string | undefined): FormatName[] {
  if (spec === undefined) return [...FORMAT_NAMES]
  const asked = spec.split(',').map((s) => s.trim()).filter(Boolean)
  const unknown = asked.filter((name) => !(name in FORMATS))
  if (unknown.length > 0 || asked.length === 0) throw new UnknownFormatError(`format inconnu « ${unknown.join(', ') || spec} » (formats : ${FORMAT_NAMES.join(', ')})`)
  return FORMAT_NAMES.filter((name) => asked.includes(name))
}

/** Writes the formats into the run directory; returns the files written. */
export async function writeFormats(names: readonly FormatName[], ctx: FormatContext): Promise<string[]> {
  const written: string[] = []
  // In order: the bundle must see the files written before it.
  for (const name of names) {
    await FORMATS[name].write(ctx)
    written.push(join(ctx.runDir, FORMATS[name].file))
  }
  return written
}
