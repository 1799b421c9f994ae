/** File names inside a sealed evidence bundle (bundle.zip). */
export const BUNDLE_FILE = 'bundle.zip'
export const MANIFEST_ENTRY = 'manifest.json'
export const SIGNATURE_ENTRY = 'manifest.sig'
export const PUBLIC_KEY_ENTRY = 'public-key.pem'
/** Entries that describe the bundle rather than belong to it: not listed in the manifest. */
export const SEAL_ENTRIES: readonly string[] = [MANIFEST_ENTRY, SIGNATURE_ENTRY, PUBLIC_KEY_ENTRY]

export interface ManifestFile {
  readonly path: string
  readonly sha256: string
  readonly bytes: number
}

/**
 * The signed table of contents of a bundle. `manifest.sig` is the Ed25519 signature of the
 * exact bytes of `manifest.json`; every other entry must be listed here with its sha256.
 */
export interface BundleManifest {
  readonly format: 'dui-harness/evidence-bundle'
  readonly formatVersion: 1
  readonly runId: string
  readonly sealedAt: string
  readonly harnessVersion: string
  readonly signature: {
    readonly algorithm: 'ed25519'
    /** SPKI PEM of the signing key (also in public-key.pem). */
    readonly publicKey: string
    /** `user`: key given with --signing-key / DUI_HARNESS_SIGNING_KEY; `ephemeral`: made for this bundle only. */
    readonly keyOrigin: 'user' | 'ephemeral'
    /** sha256 of the SPKI DER, base64: what a person compares. */
    readonly fingerprint: string
  }
  /** How the archive was written: a verifier with the same writer can rebuild it byte for byte. */
  readonly archive: { readonly writer: string; readonly level: number }
  /** Files whose content had secrets masked while sealing (evidence recorded before redaction existed). */
  readonly redacted: readonly string[]
  readonly files: readonly ManifestFile[]
}
