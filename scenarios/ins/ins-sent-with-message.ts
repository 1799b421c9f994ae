import { findInsInText, insFromPatientMailbox, type InsCarrier, type InsSighting } from '../../harness/validate/identity/index.ts'
import { transportTexts, type TransportText } from '../../harness/validate/mime/index.ts'
import type { SubmittedMessage } from '../../mocks/index.ts'

const CARRIERS: Readonly<Record<TransportText['place'], InsCarrier>> = {
  header: 'mssante-header',
  body: 'other',
  'attachment-name': 'other',
  'xdm-metadata': 'xdm-metadata',
  'xdm-entry': 'other',
}

/**
 * INS-005 on an MSSanté message: the INS wherever it travels with the documents (SMTP
 * recipients, header fields, text parts, attachment names, METADATA.XML and the other entries of
 * the IHE_XDM archive). Inside the CDA documents it is DOC-008's (`insInsideDocuments`).
 */
export async function insSentWithMessage(message: SubmittedMessage, ins: string): Promise<InsSighting[]> {
  const documents = new Set(message.analysis.xdm.flatMap((xdm) => xdm.documents.map((document) => document.path)))
  const texts = await transportTexts(message.raw, documents)
  return [
    ...message.envelope.to.flatMap((to) => findInsInText(to, ins, insFromPatientMailbox(to) ? 'mssante-patient-address' : 'other', `RCPT TO:<${to}>`, message.evidenceId)),
    ...texts.flatMap((text) => findInsInText(text.text, ins, CARRIERS[text.place], text.where, message.evidenceId)),
  ]
}
