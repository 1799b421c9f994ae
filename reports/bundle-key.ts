import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto'
import { readFileSync } from 'node:fs'

/** Environment variable naming the Ed25519 private key (PEM file) used to seal bundles. */
export const SIGNING_KEY_ENV = 'DUI_HARNESS_SIGNING_KEY'

/** The signing key is unusable (unreadable file, not Ed25519). */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError'
}

export interface SigningKey {
  readonly privateKey: KeyObject
  readonly publicKeyPem: string
  readonly fingerprint: string
  readonly origin: 'user' | 'ephemeral'
}

/** The user's key (option, then environment), or an ephemeral one made for this bundle only. */
export function resolveSigningKey(keyPath: string | undefined = process.env[SIGNING_KEY_ENV] || undefined): SigningKey {
  if (!keyPath) {
    const { privateKey } = generateKeyPairSync('ed25519')
    return describe(privateKey, 'ephemeral')
  }
  let privateKey: KeyObject
  try {
    privateKey = createPrivateKey(readFileSync(keyPath))
  } catch (error) {
    throw new SigningKeyError(`clé de signature ${keyPath} illisible : ${error instanceof Error ? error.message : String(error)}`)
  }
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`clé de signature ${keyPath} : Ed25519 attendue, ${privateKey.asymmetricKeyType ?? 'type inconnu'} reçue`)
  return describe(privateKey, 'user')
}

function describe(privateKey: KeyObject, origin: SigningKey['origin']): SigningKey {
  const publicKey = createPublicKey(privateKey)
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), fingerprint: fingerprintOf(publicKey), origin }
}

/** sha256 of the SPKI DER, base64, prefixed like OpenSSH prints it. */
export function fingerprintOf(publicKey: KeyObject): string {
  return `SHA256:${createHash('sha256').update(publicKey.export({ type: 'spki', format: 'der' })).digest('base64')}`
}
