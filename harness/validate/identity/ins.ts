/**
 * The INS (identifiant national de santé): a matricule of 13 characters (NIR or NIA, with 2A/2B
 * for Corsica) plus a 2-digit key, and the OID of the authority that assigned it.
 */

/** OIDs of the INS authorities (brief §3.2): production NIR/NIA, test NIR, demonstration NIR. */
export const INS_AUTHORITY_OIDS = {
  '1.2.250.1.213.1.4.8': 'INS-NIR',
  '1.2.250.1.213.1.4.9': 'INS-NIA',
  '1.2.250.1.213.1.4.10': 'INS-NIR de test',
  '1.2.250.1.213.1.4.11': 'INS-NIR de démonstration',
} as const

export type InsAuthorityOid = keyof typeof INS_AUTHORITY_OIDS

export function isInsAuthorityOid(oid: string): oid is InsAuthorityOid {
  return Object.hasOwn(INS_AUTHORITY_OIDS, oid)
}

const INS_SHAPE = /^[12378]\d{4}(?:\d{2}|2A|2B)\d{6}\d{2}$/

/** Why a matricule INS is malformed, in French, or undefined when it is well formed. */
export function insFormatProblem(value: string): string | undefined {
  if (!/^[0-9AB]{15}$/.test(value)) return `le matricule INS « ${value} » doit compter 15 caractères (13 + clé de 2 chiffres)`
  if (!INS_SHAPE.test(value)) return `le matricule INS « ${value} » n'a pas la forme d'un NIR (sexe, année, mois, département dont 2A/2B, commune, ordre, clé)`
  const expected = insKey(value.slice(0, 13))
  const actual = Number(value.slice(13))
  if (expected !== actual) return `la clé du matricule INS « ${value} » est ${value.slice(13)}, la clé calculée est ${String(expected).padStart(2, '0')}`
  return undefined
}

/** NIR key: 97 - (NIR mod 97), where Corsica 2A counts as 19 and 2B as 18 in the department. */
export function insKey(matricule13: string): number {
  const numeric = matricule13.replace('2A', '19').replace('2B', '18')
  return 97 - Number(BigInt(numeric) % 97n)
}
