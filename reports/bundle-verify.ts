import { createPublicKey, verify, type KeyObject } from 'node:crypto'
import { fingerprintOf } from './bundle-key.ts'
import { MANIFEST_ENTRY, PUBLIC_KEY_ENTRY, SEAL_ENTRIES, SIGNATURE_ENTRY, type BundleManifest } from './bundle-manifest.ts'
import { sha256 } from './bundle-seal.ts'
import { readZip, ZipReadError } from './zip-read.ts'
import { describeOffset, writeZip, ZIP_LEVEL, ZIP_WRITER } from './zip-layout.ts'

export type ProblemKind = 'changed' | 'added' | 'removed' | 'unreadable' | 'duplicate' | 'signature' | 'manifest' | 'archive'

/** One reason the bundle is not intact; `path` names the file when there is one. */
export interface BundleProblem {
  readonly kind: ProblemKind
  readonly path?: string
  readonly message: string
}

export interface VerifyResult {
  readonly intact: boolean
  readonly problems: readonly BundleProblem[]
  readonly manifest?: BundleManifest
  /** Fingerprint of the key the signature was checked with. */
  readonly fingerprint?: string
  /** Files checked against the manifest. */
  readonly checked: number
  /** Set when the archive layout could not be compared (different zip writer). */
  readonly note?: string
}

export interface VerifyOptions {
  /** PEM of the public key the bundle must be signed with; without it, the embedded key is used. */
  readonly trustedPublicKey?: string
}

/**
 * Checks a sealed bundle: the manifest signature, the sha256 of every listed file, that nothing
 * was added or removed, and that the archive itself is byte for byte the one sealed.
 */
export async function verifyBundle(zip: Buffer, options: VerifyOptions = {}): Promise<VerifyResult> {
  const problems: BundleProblem[] = []
  let content
  try {
    content = await readZip(zip)
  } catch (error) {
    if (!(error instanceof ZipReadError)) throw error
    return { intact: false, problems: [{ kind: 'archive', message: error.message }], checked: 0 }
  }
  for (const bad of content.unreadable) problems.push({ kind: 'unreadable', path: bad.name, message: `« ${bad.name} » illisible : ${bad.reason}` })
  const byName = new Map<string, Buffer>()
  for (const entry of content.entries) {
    if (byName.has(entry.name)) problems.push({ kind: 'duplicate', path: entry.name, message: `« ${entry.name} » figure deux fois dans l'archive` })
    byName.set(entry.name, entry.data)
  }
  const unreadable = new Set(content.unreadable.map((u) => u.name))

  const manifestBytes = byName.get(MANIFEST_ENTRY)
  if (!manifestBytes) {
    problems.push({ kind: 'manifest', path: MANIFEST_ENTRY, message: unreadable.has(MANIFEST_ENTRY) ? 'manifeste illisible' : 'manifeste absent : paquet non scellé ou manifeste retiré' })
    return { intact: false, problems, checked: 0 }
  }
  let manifest: BundleManifest
  try {
    manifest = JSON.parse(manifestBytes.toString('utf8')) as BundleManifest
    if (manifest.format !== 'dui-harness/evidence-bundle' || !Array.isArray(manifest.files)) throw new Error('format inattendu')
  } catch (error) {
    problems.push({ kind: 'manifest', path: MANIFEST_ENTRY, message: `manifeste invalide : ${error instanceof Error ? error.message : String(error)}` })
    return { intact: false, problems, checked: 0 }
  }

  // Signature: with the trusted key when given, else the embedded one (integrity, not origin).
  let key: KeyObject | undefined
  try {
    key = createPublicKey(options.trustedPublicKey ?? manifest.signature.publicKey)
  } catch {
    problems.push({ kind: 'signature', path: MANIFEST_ENTRY, message: 'clé publique du manifeste illisible' })
  }
  const fingerprint = key ? fingerprintOf(key) : undefined
  if (key && options.trustedPublicKey && fingerprint !== manifest.signature.fingerprint) {
    problems.push({ kind: 'signature', path: MANIFEST_ENTRY, message: `paquet signé par une autre clé (${manifest.signature.fingerprint}) que la clé attendue (${fingerprint})` })
  }
  const signatureText = byName.get(SIGNATURE_ENTRY)
  if (!signatureText) {
    problems.push({ kind: 'removed', path: SIGNATURE_ENTRY, message: `« ${SIGNATURE_ENTRY} » absent : signature manquante` })
  } else if (key && !verify(null, manifestBytes, key, Buffer.from(signatureText.toString('utf8').trim(), 'base64'))) {
    problems.push({ kind: 'signature', path: MANIFEST_ENTRY, message: `signature invalide : « ${MANIFEST_ENTRY} » ou « ${SIGNATURE_ENTRY} » a été modifié` })
  }
  const publicKeyEntry = byName.get(PUBLIC_KEY_ENTRY)
  if (!publicKeyEntry) problems.push({ kind: 'removed', path: PUBLIC_KEY_ENTRY, message: `« ${PUBLIC_KEY_ENTRY} » absent` })
  else if (publicKeyEntry.toString('utf8') !== manifest.signature.publicKey) problems.push({ kind: 'changed', path: PUBLIC_KEY_ENTRY, message: `« ${PUBLIC_KEY_ENTRY} » ne correspond pas à la clé du manifeste` })

  // Every listed file, then anything not listed.
  const listed = new Set<string>()
  for (const file of manifest.files) {
    listed.add(file.path)
    const data = byName.get(file.path)
    if (data === undefined) {
      if (!unreadable.has(file.path)) problems.push({ kind: 'removed', path: file.path, message: `« ${file.path} » retiré du paquet` })
    } else if (data.length !== file.bytes || sha256(data) !== file.sha256) {
      problems.push({ kind: 'changed', path: file.path, message: `« ${file.path} » modifié (sha256 ${sha256(data)} au lieu de ${file.sha256})` })
    }
  }
  for (const name of byName.keys()) {
    if (!listed.has(name) && !SEAL_ENTRIES.includes(name)) problems.push({ kind: 'added', path: name, message: `« ${name} » ajouté au paquet après le scellement` })
  }

  // Content intact: the archive bytes must then be exactly those sealed (zip headers included).
  let note: string | undefined
  if (problems.length === 0) {
    if (manifest.archive?.writer === ZIP_WRITER && manifest.archive.level === ZIP_LEVEL) {
      const rebuilt = writeZip(content.entries)
      const at = firstDifference(zip, rebuilt)
      if (at !== undefined) problems.push({ kind: 'archive', message: `archive modifiée hors du contenu des fichiers, à l'octet ${at} (${describeOffset(rebuilt, Math.min(at, rebuilt.length - 1))})` })
    } else {
      note = `structure zip non comparée : paquet écrit par ${manifest.archive?.writer ?? 'un outil inconnu'}, ce banc écrit avec ${ZIP_WRITER}`
    }
  }
  return { intact: problems.length === 0, problems, manifest, ...(fingerprint ? { fingerprint } : {}), checked: manifest.files.length, ...(note ? { note } : {}) }
}

function firstDifference(a: Buffer, b: Buffer): number | undefined {
  const length = Math.min(a.length, b.length)
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i
  return a.length === b.length ? undefined : length
}
