import { GridInputError } from './grid-input-error.ts'

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252'

/**
 * Decodes a text export: a BOM decides (UTF-8, UTF-16), else strict UTF-8, else Windows-1252
 * (what a French Excel writes for « CSV (séparateur : point-virgule) »). Text that still holds
 * control characters is not a text export at all (binary file, wrong encoding): refused.
 */
export function decodeText(bytes: Uint8Array, name: string): { text: string; encoding: TextEncoding } {
  const encoding = bomEncoding(bytes) ?? (isUtf8(bytes) ? 'utf-8' : 'windows-1252')
  let text: string
  try {
    text = encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw new GridInputError(`${name} : encodage invalide (le fichier annonce ${encoding.toUpperCase()} par sa marque d'ordre des octets mais ne l'est pas)`)
  }
  // C0 controls other than tab and line breaks, and C1 controls (bytes Windows-1252 leaves undefined).
  const control = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/.exec(text)
  if (control) {
    const line = text.slice(0, control.index).split(/\r\n|\r|\n/).length
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')
    throw new GridInputError(`${name} : encodage non reconnu (caractère de contrôle U+${code} ligne ${line}) ; attendu un CSV en UTF-8 ou Windows-1252, ou un classeur .xlsx`)
  }
  return { text, encoding }
}

function bomEncoding(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return undefined
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * Node 20's TextDecoder reads 'windows-1252' as Latin-1 (0x80 gives U+0080, not €), so the 27
 * characters Windows-1252 puts in 0x80-0x9F are mapped here; its 5 undefined bytes stay C1 controls.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    .toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80]!)
}
