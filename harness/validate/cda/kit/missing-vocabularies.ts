import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { toUtf8Xml } from './cache.ts'

const jdvIndexes = new Map<string, Map<string, string>>()

/** JDV files of the kit by value-set OID (the `id` of their SVS ValueSet). */
function jdvIndex(kitDir: string): Map<string, string> {
  const known = jdvIndexes.get(kitDir)
  if (known) return known
  const index = new Map<string, string>()
  const dir = join(kitDir, 'jeuxDeValeurs')
  for (const name of existsSync(dir) ? readdirSync(dir) : []) {
    if (!name.endsWith('.xml')) continue
    const head = readFileSync(join(dir, name)).subarray(0, 4096).toString('latin1')
    const id = /<ValueSet\b[^>]*\bid="([0-9.]+)"/.exec(head)?.[1]
    if (id && !index.has(id)) index.set(id, join(dir, name))
  }
  jdvIndexes.set(kitDir, index)
  return index
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')
}

/**
 * Some ART-DECOR vocabulary files (`include/voc-<OID>-DYNAMIC.xml`) that the structuration
 * minimale reads with doc() are missing from kit copies. When the kit's own JDV of the same OID
 * exists, the file is rebuilt in the mirror from it (same concepts, ART-DECOR layout); a doc()
 * on a missing file would otherwise abort the whole schematron. Returns notes for the report.
 */
export function restoreMissingVocabularies(kitDir: string, mirror: string, schematronFile: string, xslt: string): string[] {
  const notes: string[] = []
  const base = dirname(join(kitDir, schematronFile))
  for (const match of xslt.matchAll(/doc\('([^']*voc-([0-9.]+)-DYNAMIC\.xml)'\)/g)) {
    const target = resolve(base, match[1] as string)
    if (existsSync(target)) continue
    const mirrored = join(mirror, relative(kitDir, target))
    if (existsSync(mirrored)) continue
    const jdv = jdvIndex(kitDir).get(match[2] as string)
    if (!jdv) {
      notes.push(`vocabulaire ${match[1]} absent du kit et sans JDV de même OID : les règles qui le lisent échoueront`)
      continue
    }
    const text = toUtf8Xml(readFileSync(jdv))
    const concepts = [...text.matchAll(/<(?:svs:)?Concept\b([^>]*)\/?>/g)].map((m) => {
      const attrs = m[1] as string
      const get = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(attrs)?.[1] ?? ''
      return `<concept code="${escapeAttribute(get('code'))}" codeSystem="${escapeAttribute(get('codeSystem'))}" displayName="${escapeAttribute(get('displayName'))}" level="0" type="L"/>`
    })
    mkdirSync(dirname(mirrored), { recursive: true })
    writeFileSync(
      mirrored,
      `<?xml version="1.0" encoding="UTF-8"?>\n<valueSets xmlns="urn:hl7-org:v3"><valueSet xmlns="" id="${match[2]}"><conceptList>\n${concepts.join('\n')}\n</conceptList></valueSet></valueSets>\n`,
    )
    notes.push(`vocabulaire ${match[1]} absent du kit : reconstruit depuis ${relative(kitDir, jdv)} (${concepts.length} concepts)`)
  }
  return notes
}
