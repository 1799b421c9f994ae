import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

/**
 * Independent reference for parity checks (test-only): the ISO Schematron skeleton shipped with
 * Debian's python3-lxml, run by Java Saxon-HE from Debian's libsaxonhe-java, i.e. the pipeline
 * the ANS kit itself runs (include → abstract expand → SVRL stylesheet → validation).
 * The skeleton is the XSLT 1 flavour: the schema's queryBinding is relaxed after the include
 * step, and Saxon-HE still evaluates the XPath 2 expressions (backwards-compatible mode).
 */
const SKELETON = '/usr/lib/python3/dist-packages/lxml/isoschematron/resources/xsl/iso-schematron-xslt1'
const SAXON_JARS = ['/usr/share/java/Saxon-HE.jar', '/usr/share/java/Saxon-HE-9.9.1.5.jar']

export function referenceEngineMissing(): string | undefined {
  if (!existsSync(join(SKELETON, 'iso_svrl_for_xslt1.xsl'))) return 'squelette ISO Schematron absent (apt-get install python3-lxml)'
  if (!SAXON_JARS.some(existsSync)) return 'Saxon-HE Java absent (apt-get install libsaxonhe-java)'
  if (spawnSync('java', ['-version']).status !== 0) return 'java absent (apt-get install default-jre-headless)'
  return undefined
}

function saxon(args: string[]): string {
  const jar = SAXON_JARS.find(existsSync) as string
  return execFileSync('java', ['-cp', jar, 'net.sf.saxon.Transform', ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] })
}

const compiled = new Map<string, string>()

/**
 * Compiles a kit schematron with the ISO skeleton; the validator XSL is written at
 * `validatorDir/<relativePath>.ref.xsl` so that its relative doc() URIs resolve like the kit's.
 */
export function compileReference(kitDir: string, relativePath: string, validatorDir: string): string {
  const key = `${kitDir}\0${relativePath}\0${validatorDir}`
  const known = compiled.get(key)
  if (known) return known
  const validator = join(validatorDir, `${relativePath}.ref.xsl`)
  // validatorDir is keyed by the kit's fingerprint: a validator already there is up to date.
  if (existsSync(validator)) {
    compiled.set(key, validator)
    return validator
  }
  const work = mkdtempSync(join(tmpdir(), 'dui-ref-sch-'))
  const included = join(work, 'included.sch')
  writeFileSync(included, saxon([`-s:${join(kitDir, relativePath)}`, `-xsl:${join(SKELETON, 'iso_dsdl_include.xsl')}`]))
  writeFileSync(included, readFileSync(included, 'utf8').replace(/queryBinding="xslt2"/, 'queryBinding="xslt"'))
  const expanded = join(work, 'expanded.sch')
  writeFileSync(expanded, saxon([`-s:${included}`, `-xsl:${join(SKELETON, 'iso_abstract_expand.xsl')}`]))
  mkdirSync(dirname(validator), { recursive: true })
  writeFileSync(validator, saxon([`-s:${expanded}`, `-xsl:${join(SKELETON, 'iso_svrl_for_xslt1.xsl')}`]))
  compiled.set(key, validator)
  return validator
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&amp;/g, '&')
}

/** Runs the reference validator; returns the failed asserts and successful reports (SVRL). */
export function runReference(validator: string, documentFile: string): { kind: string; location: string; text: string }[] {
  const svrl = saxon([`-s:${documentFile}`, `-xsl:${validator}`])
  return [...svrl.matchAll(/<svrl:(failed-assert|successful-report)\b[^>]*?location="([^"]*)"[^>]*>([\s\S]*?)<\/svrl:\1>/g)].map((m) => ({
    kind: m[1] as string,
    location: m[2] as string,
    text: decodeEntities((m[3] as string).replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim(),
  }))
}
