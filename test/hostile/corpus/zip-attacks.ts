import { deflateRawSync } from 'node:zlib'
import { strToU8, zipSync } from 'fflate'
import { buildTestXdm } from '../../../scenarios/fixtures/inbound-document.ts'
import { mssReceiveUsager } from '../../../scenarios/fixtures/mss-identities.ts'
import type { Family } from './case.ts'

/**
 * Hostile IHE_XDM.ZIP archives: bombs, path escapes and archives whose headers lie about their
 * content. The safe zip reader (harness/validate/xdm/read-zip.ts) must refuse each with its rule
 * (MSS-006) before inflating more than its limits.
 */
export interface ZipAttack {
  readonly variant: string
  readonly family: Family
  build(): Buffer
  readonly rule: string
  readonly reason: RegExp
}

const MIB = 1024 * 1024
const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50

/** A stored (deflated) single-entry zip written by hand, so every header field can be set. */
function handmadeZip(name: string, data: Buffer, lie: { readonly localSize?: number; readonly centralSize?: number } = {}): Buffer {
  const compressed = deflateRawSync(data, { level: 9 })
  const fileName = Buffer.from(name, 'utf8')
  const local = Buffer.alloc(30)
  local.writeUInt32LE(SIG_LOCAL, 0)
  local.writeUInt16LE(20, 4)
  local.writeUInt16LE(0x0800, 6) // UTF-8 names
  local.writeUInt16LE(8, 8) // deflate
  local.writeUInt32LE(crc32(data), 14)
  local.writeUInt32LE(compressed.length, 18)
  local.writeUInt32LE(lie.localSize ?? data.length, 22)
  local.writeUInt16LE(fileName.length, 26)
  const central = Buffer.alloc(46)
  central.writeUInt32LE(SIG_CENTRAL, 0)
  central.writeUInt16LE(20, 4)
  central.writeUInt16LE(20, 6)
  central.writeUInt16LE(0x0800, 8)
  central.writeUInt16LE(8, 10)
  central.writeUInt32LE(crc32(data), 16)
  central.writeUInt32LE(compressed.length, 20)
  central.writeUInt32LE(lie.centralSize ?? data.length, 24)
  central.writeUInt16LE(fileName.length, 28)
  const centralOffset = local.length + fileName.length + compressed.length
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(1, 8)
  end.writeUInt16LE(1, 10)
  end.writeUInt32LE(central.length + fileName.length, 12)
  end.writeUInt32LE(centralOffset, 16)
  return Buffer.concat([local, fileName, compressed, central, fileName, end])
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})

function crc32(data: Buffer): number {
  let crc = 0xffffffff
  for (const byte of data) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)
  return (crc ^ 0xffffffff) >>> 0
}

/** A valid archive (CI-SIS layout) for the message's test usager. */
export const validXdm = (): Buffer => buildTestXdm(mssReceiveUsager)

export const ZIP_ATTACKS: readonly ZipAttack[] = [
  {
    variant: 'bomb-declared-100MB',
    family: 'zip-bomb',
    build: () => handmadeZip('IHE_XDM/SUBSET01/DOC0001.XML', Buffer.alloc(64 * 1024), { centralSize: 100 * MIB, localSize: 100 * MIB }),
    rule: 'xdm/zip-size',
    reason: /déclare 104857600 octets décompressés, au-delà de la limite/,
  },
  {
    variant: 'bomb-ratio-10MB',
    family: 'zip-bomb',
    build: () => handmadeZip('IHE_XDM/SUBSET01/DOC0001.XML', Buffer.alloc(10 * MIB)),
    rule: 'xdm/zip-ratio',
    reason: /bombe de décompression probable/,
  },
  {
    variant: 'bomb-many-entries',
    family: 'zip-bomb',
    build: () => Buffer.from(zipSync(Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`IHE_XDM/SUBSET01/F${i}.TXT`, strToU8('x')])))),
    rule: 'xdm/zip-entry-count',
    reason: /1500 entrées, au-delà de la limite de 1000/,
  },
  { variant: 'slip-parent', family: 'zip-slip', build: () => handmadeZip('IHE_XDM/../../../etc/passwd', Buffer.from('x')), rule: 'xdm/zip-path', reason: /chemin d'entrée dangereux \(« zip-slip »\)/ },
  { variant: 'slip-absolute', family: 'zip-slip', build: () => handmadeZip('/etc/cron.d/evil', Buffer.from('x')), rule: 'xdm/zip-path', reason: /chemin d'entrée dangereux/ },
  { variant: 'slip-drive-letter', family: 'zip-slip', build: () => handmadeZip('C:/Windows/evil.dll', Buffer.from('x')), rule: 'xdm/zip-path', reason: /chemin d'entrée dangereux/ },
  { variant: 'slip-backslash', family: 'zip-slip', build: () => handmadeZip('IHE_XDM\\..\\..\\evil.txt', Buffer.from('x')), rule: 'xdm/zip-path', reason: /chemin d'entrée dangereux/ },
  {
    variant: 'central-size-understated',
    family: 'lying-zip',
    build: () => handmadeZip('IHE_XDM/SUBSET01/DOC0001.XML', Buffer.alloc(3 * MIB, 0x41), { centralSize: 1000, localSize: 1000 }),
    rule: 'xdm/zip-size',
    reason: /ne fait pas la taille qu'elle déclare/,
  },
  {
    variant: 'central-size-overstated',
    family: 'lying-zip',
    build: () => handmadeZip('IHE_XDM/SUBSET01/DOC0001.XML', Buffer.from('<a/>'), { centralSize: 4_000, localSize: 4_000 }),
    rule: 'xdm/zip-size',
    reason: /ne fait pas la taille qu'elle déclare/,
  },
  {
    variant: 'truncated-archive',
    family: 'lying-zip',
    build: () => {
      const whole = validXdm()
      return whole.subarray(0, Math.floor(whole.length / 2))
    },
    rule: 'xdm/zip-corrupt',
    reason: /archive ZIP illisible/,
  },
  {
    variant: 'central-directory-offset-wrong',
    family: 'lying-zip',
    build: () => {
      const whole = Buffer.from(validXdm())
      whole.writeUInt32LE(0x00ffffff, whole.length - 6) // end record: offset of the central directory
      return whole
    },
    rule: 'xdm/zip-corrupt',
    reason: /archive ZIP illisible/,
  },
  { variant: 'not-a-zip', family: 'lying-zip', build: () => Buffer.from('PK\u0003\u0004 ceci n\'est pas une archive'), rule: 'xdm/zip-corrupt', reason: /archive ZIP illisible/ },
]
