import { randomUUID } from 'node:crypto'

/** A universal unique id `2.25.<UUID as a decimal integer>` (ITU-T X.667), as an OID. */
export function newOid(): string {
  return `2.25.${BigInt(`0x${randomUUID().replace(/-/g, '')}`).toString()}`
}
