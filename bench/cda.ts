// Benchmark of CDA validation: documents/second for the built-in rules and for the official kit
// mode (cold and warm), and the XSD part against `xmllint --schema` (Debian libxml2-utils).
// Usage: npx tsx bench/cda.ts [--kit <dir>] [--rounds <n>] [--kit-rounds <n>] [--cold-compile]
//   --kit-rounds    warm rounds in kit mode (seconds per document; default min(rounds, 2))
//   --cold-compile  use an empty cache so the kit's schematrons are compiled (several minutes)
// The last line is the BENCH-RESULT line read by bench/run-all.ts (bench/bench-result.ts).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { validateCda } from '../harness/validate/cda/index.ts'
import { CDA_XSD, validateXsd } from '../harness/validate/cda/kit/xsd.ts'
import { parseXmlSafely } from '../harness/validate/xml/index.ts'
import { printBenchResult, type BenchFigure } from './bench-result.ts'

const root = resolve(fileURLToPath(new URL('..', import.meta.url)))
const args = process.argv.slice(2)
const option = (name: string) => {
  const i = args.indexOf(name)
  return i >= 0 ? args[i + 1] : undefined
}
const kitDir = resolve(option('--kit') ?? resolve(root, '../shared/ans-kit'))
const rounds = Number(option('--rounds') ?? 5)
const coldCompile = args.includes('--cold-compile')
const hasKit = existsSync(join(kitDir, 'ExemplesCDA'))

const EXAMPLES = [
  'DOC_NON_STRUCTURE_CDA-R2-N1.xml',
  'DLU-EHPAD-DLU_2022.01.xml',
  'DLU-EHPAD-FLUDT_2022.01.xml',
  'DLU-EHPAD-FLUDR_2022.01.xml',
  'VSM_1.4_2022.01.xml',
  'LDL-EES_2022.01.xml',
  'LDL-SES_2022.01.xml',
  'IPS-FR_2024.01_DLU.xml',
]
const files = hasKit
  ? EXAMPLES.map((f) => join(kitDir, 'ExemplesCDA', f))
  : ['n1-pdf-valid.xml', 'dlu-structured-valid.xml'].map((f) => join(root, 'test/fixtures/cda', f))
const documents = files.map((f) => readFileSync(f))
const totalKb = documents.reduce((n, d) => n + d.length, 0) / 1024

function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms
}

function rate(count: number, ms: number): string {
  return `${perSecond(count, ms).toFixed(1)} doc/s`
}

async function timeIt(run: () => Promise<void> | void): Promise<number> {
  const start = process.hrtime.bigint()
  await run()
  return Number(process.hrtime.bigint() - start) / 1e6
}

console.log(`# bench/cda — ${documents.length} documents (${totalKb.toFixed(0)} Kio au total), ${rounds} tours à chaud`)
console.log(`node ${process.version}, ${process.platform}/${process.arch}`)

// Built-in rules.
const builtInCold = await timeIt(async () => {
  for (const d of documents) await validateCda(d)
})
const builtInWarm = await timeIt(async () => {
  for (let r = 0; r < rounds; r++) for (const d of documents) await validateCda(d)
})
console.log(`\nrègles intégrées   froid : ${rate(documents.length, builtInCold)} (${builtInCold.toFixed(0)} ms, init wasm comprise)`)
console.log(`règles intégrées   chaud : ${rate(documents.length * rounds, builtInWarm)}`)

const corpus = `${documents.length} documents (${totalKb.toFixed(0)} Kio)${hasKit ? ' : exemples du kit CI-SIS' : ''}`
const builtInFigure: BenchFigure = { figure: 'validation CDA, règles intégrées (à chaud)', value: perSecond(documents.length * rounds, builtInWarm), unit: 'doc/s', note: `${corpus}, ${rounds} tours` }
if (!hasKit) {
  console.log(`\nkit CI-SIS absent (${kitDir}) : mode kit et comparaison xmllint non mesurés`)
  printBenchResult('cda', [builtInFigure])
  process.exit(0)
}

// Kit mode (XSD + every schematron the kit runs on these documents).
const cacheDir = coldCompile ? mkdtempSync(join(tmpdir(), 'dui-bench-cache-')) : undefined
const kitOptions = { cisisKit: kitDir, ...(cacheDir !== undefined ? { cacheDir } : {}) }
let compiled: string[] = []
const kitCold = await timeIt(async () => {
  for (const d of documents) compiled.push(...((await validateCda(d, kitOptions)).kit?.compiled ?? []))
})
const kitRounds = Number(option('--kit-rounds') ?? Math.max(1, Math.min(rounds, 2)))
const kitWarm = await timeIt(async () => {
  for (let r = 0; r < kitRounds; r++) for (const d of documents) await validateCda(d, kitOptions)
})
compiled = [...new Set(compiled)]
console.log(
  `\nmode kit           froid : ${rate(documents.length, kitCold)} (${(kitCold / 1000).toFixed(1)} s ; ` +
    (compiled.length ? `${compiled.length} schématron(s) compilé(s) : cache vide` : 'formes compilées lues du cache disque') +
    ')',
)
console.log(`mode kit           chaud : ${rate(documents.length * kitRounds, kitWarm)}`)
if (cacheDir) rmSync(cacheDir, { recursive: true, force: true })

// XSD part against xmllint: parse + validate on both sides (xmllint parses each file too).
function parseOrThrow(d: Buffer) {
  const result = parseXmlSafely(d)
  if (!result.ok) throw new Error('document illisible')
  return result.doc
}
const first = parseOrThrow(documents[0]!)
validateXsd(kitDir, first, 'DOC-001') // schema compile outside the timing (done once per process)
first.dispose()
const oursXsd = await timeIt(() => {
  for (let r = 0; r < rounds; r++) {
    for (const d of documents) {
      const doc = parseOrThrow(d)
      validateXsd(kitDir, doc, 'DOC-001')
      doc.dispose()
    }
  }
})
console.log(`\nXSD (libxml2-wasm, analyse + validation, schéma compilé une fois) : ${rate(documents.length * rounds, oursXsd)}`)
const kitFigure: BenchFigure = { figure: 'validation CDA, mode kit (XSD + schématrons, à chaud)', value: perSecond(documents.length * kitRounds, kitWarm), unit: 'doc/s', note: `${corpus}, ${kitRounds} tours` }
const xsdFigure: BenchFigure = { figure: 'validation CDA, XSD seul (libxml2-wasm, schéma compilé une fois)', value: perSecond(documents.length * rounds, oursXsd), unit: 'doc/s', note: `${corpus}, ${rounds} tours` }
const xmllint = spawnSync('xmllint', ['--version'])
if (xmllint.error) {
  console.log('xmllint absent : apt-get install libxml2-utils pour la comparaison')
  printBenchResult('cda', [builtInFigure, kitFigure, xsdFigure])
} else {
  const schema = join(kitDir, CDA_XSD)
  // One xmllint process validates every file: its schema compile is paid once per round.
  const lint = await timeIt(() => {
    for (let r = 0; r < rounds; r++) spawnSync('xmllint', ['--noout', '--schema', schema, ...files], { stdio: 'ignore' })
  })
  console.log(`xmllint --schema (un processus par tour, compilation du schéma comprise) : ${rate(documents.length * rounds, lint)}`)
  // Same files repeated in a single process: the schema compile is amortised, as in our case.
  const repeat = rounds * 5
  const many = Array.from({ length: repeat }, () => files).flat()
  const amortised = await timeIt(() => {
    spawnSync('xmllint', ['--noout', '--schema', schema, ...many], { stdio: 'ignore' })
  })
  console.log(`xmllint --schema (un seul processus, ${many.length} validations) : ${rate(many.length, amortised)}`)
  console.log(`rapport libxml2-wasm / xmllint : ${(lint / oursXsd).toFixed(2)}× (par tour) ; ${((amortised / many.length) / (oursXsd / (documents.length * rounds))).toFixed(2)}× (compilation amortie)`)
  // Every figure is set against xmllint's XSD validation, schema compile amortised: the kit's XSD is
  // the only part of CDA validation a standard tool does; our rules and schematrons come on top.
  const reference = { reference: 'xmllint --schema (XSD du kit, compilation amortie)', referenceValue: perSecond(many.length, amortised) }
  printBenchResult('cda', [builtInFigure, kitFigure, xsdFigure].map((figure) => ({ ...figure, ...reference })))
}
