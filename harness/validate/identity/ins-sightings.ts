import type { InsCarrier, InsSighting } from './ins-transmission.ts'

/**
 * Extractors of the INS from the places it travels in, for `insTransmissionIssues`. Each takes
 * the raw value of one field and returns the matricule it carries, if any.
 */

const PATIENT_MAILBOX = /^(?:mailto:)?([0-9AB]{15})@patient\.mssante\.fr$/i
const XDS_CX = /^([0-9AB]{15})\^\^\^&([0-9.]+)&ISO$/

/** `<INS>@patient.mssante.fr`: the patient's MSSanté address is built from the INS. */
export function insFromPatientMailbox(address: string): string | undefined {
  return PATIENT_MAILBOX.exec(address.trim())?.[1]
}

/** XDS patientId, CX type `<matricule>^^^&<OID>&ISO`. */
export function insFromXdsPatientId(cx: string): { value: string; oid: string } | undefined {
  const match = XDS_CX.exec(cx.trim())
  return match?.[1] && match[2] ? { value: match[1], oid: match[2] } : undefined
}

/**
 * Every occurrence of `insValue` in a text artefact (raw body, header block...), as sightings.
 * A plain search, so it also finds the INS where no extractor looks.
 */
export function findInsInText(text: string, insValue: string, carrier: InsCarrier, path: string, evidence?: string): InsSighting[] {
  if (!insValue || !text.includes(insValue)) return []
  return [{ carrier, value: insValue, path, ...(evidence ? { evidence } : {}) }]
}
