import type { PatientRef, UnreadablePatient } from './model.ts'

/** `<matricule>^^^&<OID>&ISO^NH` (PDSm4DMP Model/PatientId.fsh): the XDS patientId of an INS. */
const INS_CX = /^([^\^]+)\^\^\^&([0-9.]+)&ISO\^NH$/

export const CX_EXPECTED = '<matricule INS>^^^&<OID autorité INS>&ISO^NH'

/** Reads an XDS CX patientId; an unreadable one keeps its raw text. */
export function parseInsCx(raw: string): PatientRef | UnreadablePatient {
  const match = INS_CX.exec(raw.trim())
  if (match?.[1] && match[2]) return { value: match[1], oid: match[2] }
  return { raw, expected: CX_EXPECTED }
}

export function formatInsCx(patient: PatientRef): string {
  return `${patient.value}^^^&${patient.oid}&ISO^NH`
}
