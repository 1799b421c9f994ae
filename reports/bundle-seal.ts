import { createHash, sign } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isAbsolute, join, normalize, sep } from 'node:path'
import type { Reporter } from '../harness/core/events.ts'
import type { RunReport } from '../harness/core/report.ts'
import { redactSecrets } from '../harness/evidence/redact.ts'
import { harnessVersion } from '../harness/internal/version.ts'
import { CATALOGUE_DIR } from '../harness/requirements/catalogue.ts'
import { resolveSigningKey, type SigningKey } from './bundle-key.ts'
import { BUNDLE_FILE, MANIFEST_ENTRY, PUBLIC_KEY_ENTRY, SIGNATURE_ENTRY, type BundleManifest, type ManifestFile } from './bundle-manifest.ts'
import { writeZip, ZIP_LEVEL, ZIP_WRITER } from './zip-layout.ts'

/** A file the bundle needs is missing or outside the run directory. */
export class BundleInputError extends Error {
  override readonly name = 'BundleInputError'
}

/** Run-directory files that travel with the evidence when present (the derived reports). */
const RUN_FILES = ['report.json', 'summary.md', 'report.html', 'junit.xml', 'observed-usage.json', 'indicators.json', 'evidence/index.ndjson']

export interface SealOptions {
  readonly key?: SigningKey
  /** Catalogue folder (defaults to the harness's own scenarios/requirements). */
  readonly catalogueDir?: string
  /** Where to write the zip (defaults to `<runDir>/bundle.zip`). */
  readonly out?: string
}

export interface SealResult {
  readonly path: string
  readonly manifest: BundleManifest
  readonly key: SigningKey
}

/**
 * Seals a run: report.json, every evidence file it lists, the catalogue and the versions, a
 * manifest with the sha256 of each, signed with Ed25519. Secrets are masked once more on the
 * way in, so no bundle carries them even from a run recorded before redaction existed.
 */
export function sealBundle(runDir: string, report: RunReport, options: SealOptions = {}): SealResult {
  const key = options.key ?? resolveSigningKey()
  const entries: { name: string; data: Buffer }[] = []
  const redacted: string[] = []
  const add = (name: string, raw: Buffer) => {
    const data = redactSecrets(raw)
    if (data !== raw) redacted.push(name)
    entries.push({ name, data })
  }
  for (const name of RUN_FILES) if (existsSync(join(runDir, name))) add(name, readFileSync(join(runDir, name)))
  for (const record of report.evidence) {
    for (const file of record.files) {
      const name = file.path.split(sep).join('/')
      if (entries.some((e) => e.name === name)) continue
      add(name, readInside(runDir, file.path))
    }
  }
  const catalogueDir = options.catalogueDir ?? CATALOGUE_DIR.pathname
  const catalogue = readdirSync(catalogueDir).filter((n) => n.endsWith('.json')).sort()
  for (const name of catalogue) add(`catalogue/${name}`, readFileSync(join(catalogueDir, name)))
  const versions = {
    harness: harnessVersion,
    sealedBy: harnessVersion,
    node: process.version,
    reportSchemaVersion: report.schemaVersion,
    reportHarnessVersion: report.harnessVersion,
    candidate: report.candidate,
    catalogue: catalogue.map((name) => `catalogue/${name}`),
  }
  add('versions.json', Buffer.from(`${JSON.stringify(versions, null, 2)}\n`))
  const files: ManifestFile[] = entries.map((e) => ({ path: e.name, sha256: sha256(e.data), bytes: e.data.length }))
  const manifest: BundleManifest = {
    format: 'dui-harness/evidence-bundle',
    formatVersion: 1,
    runId: report.runId,
    sealedAt: new Date().toISOString(),
    harnessVersion,
    signature: { algorithm: 'ed25519', publicKey: key.publicKeyPem, keyOrigin: key.origin, fingerprint: key.fingerprint },
    archive: { writer: ZIP_WRITER, level: ZIP_LEVEL },
    redacted,
    files,
  }
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
  const signature = sign(null, manifestBytes, key.privateKey)
  const zip = writeZip([
    { name: MANIFEST_ENTRY, data: manifestBytes },
    { name: SIGNATURE_ENTRY, data: Buffer.from(`${signature.toString('base64')}\n`) },
    { name: PUBLIC_KEY_ENTRY, data: Buffer.from(key.publicKeyPem) },
    ...entries,
  ])
  const path = options.out ?? join(runDir, BUNDLE_FILE)
  writeFileSync(path, zip)
  return { path, manifest, key }
}

export function sha256(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}

/** report.json names evidence paths; a crafted one must not make the seal read elsewhere. */
function readInside(runDir: string, path: string): Buffer {
  const clean = normalize(path)
  if (isAbsolute(clean) || clean.startsWith('..')) throw new BundleInputError(`chemin de preuve refusé (hors du dossier de la campagne) : ${path}`)
  try {
    return readFileSync(join(runDir, clean))
  } catch {
    throw new BundleInputError(`preuve absente du dossier de la campagne : ${path}`)
  }
}

/** Seals the run directory at the end of a run; prints the key to check it with. */
export class BundleReporter implements Reporter {
  constructor(
    private readonly runDir: string,
    private readonly log: (line: string) => void = () => {},
    private readonly key?: SigningKey,
  ) {}

  onRunEnd(report: RunReport): void {
    const result = sealBundle(this.runDir, report, this.key ? { key: this.key } : {})
    this.log(bundleKeyLine(result))
  }
}

/** One French line saying which key sealed the bundle (the public key in full when ephemeral). */
export function bundleKeyLine(result: SealResult): string {
  if (result.key.origin === 'user') return `Paquet scellé : ${result.path} (clé fournie, empreinte ${result.key.fingerprint})`
  const raw = result.key.publicKeyPem.replace(/-----[A-Z ]+-----|\s/g, '')
  return `Paquet scellé : ${result.path} (clé éphémère ; clé publique ${raw}, empreinte ${result.key.fingerprint}, aussi dans public-key.pem)`
}
