import type Mail from 'nodemailer/lib/mailer/index.js'
import type { Mistakes } from './defects/index.ts'
import type { ProducedDocument } from './documents.ts'
import { establishment } from './establishment.ts'
import type { Usager } from './usagers.ts'
import { buildXdm, qualifiedIns } from './xdm.ts'

/** Domain of patients' mailboxes in Mon espace santé. */
export const PATIENT_DOMAIN = 'patient.mssante.fr'

/** Reference of this product for X-MSS-NIL (vague 2 header, recommended). */
const PRODUCT_REFERENCE = 'DUI-REF-DUI-HARNESS-0.1.0'

/**
 * The patient's Mon espace santé address, built only from a qualified INS (ECO.2.2.6): an
 * unqualified identity has no address at all.
 */
export function patientAddress(usager: Usager, mistakes: Mistakes = {}): string {
  if ((usager.status !== 'QUAL' && !mistakes.mssInsWithoutQualification) || !usager.ins) throw new Error(`l'identité de l'usager ${usager.localId} n'est pas qualifiée : pas d'adresse de messagerie patient`)
  return `${usager.ins.value}@${PATIENT_DOMAIN}`
}

/**
 * A message carrying documents of one patient (ECO.2.1.x): subject `XDM/1.0/DDM+…`, the
 * IHE_XDM.zip archive and the same documents as PDF, UTF-8 text, Message-ID from nodemailer.
 */
export function documentMessage(from: string, to: string, documents: readonly ProducedDocument[], usager: Usager, options: { requestMdn?: boolean; mistakes?: Mistakes }): Mail.Options {
  const mistakes = options.mistakes ?? {}
  const first = documents[0]
  if (!first) throw new Error('aucun document à envoyer')
  const [year, month, day] = usager.birthDate.split('-')
  const subject = mistakes.mssFreeTextSubject ? `Document pour ${usager.firstBirthGivenName}` : `XDM/1.0/DDM+${first.title} ${usager.birthFamilyName} ${usager.firstBirthGivenName} ${day}/${month}/${year}`
  const text = `Bonjour,\n\nVeuillez trouver ci-joint le document « ${first.title} » concernant ${usager.firstBirthGivenName} ${usager.birthFamilyName}.\n\n${establishment.name}\n`
  const pdfs = mistakes.mssOmitPdf
    ? []
    : documents.map((document) => ({
        filename: `${document.effectiveTime.toISOString().slice(0, 10).replace(/-/g, '')}_${document.typeCode.code}_${usager.birthFamilyName}_${usager.firstBirthGivenName}_${document.localId}.pdf`,
        content: document.pdf,
        contentType: 'application/pdf',
      }))
  return {
    from: { name: establishment.name, address: from },
    to,
    subject,
    ...(mistakes.mssMessageIdWithoutDomain ? { messageId: `${first.localId}.${Date.now()}` } : {}),
    ...(mistakes.mssLocalDate ? { date: new Date().toLocaleString('fr-FR', { timeZone: 'Europe/Paris' }) } : {}),
    ...(mistakes.mssLatin1Text ? {} : { text }),
    attachments: [
      ...(mistakes.mssLatin1Text ? [{ content: Buffer.from(text, 'latin1'), contentType: 'text/plain; charset=iso-8859-1', contentDisposition: 'inline' as const, filename: false as const }] : []),
      { filename: 'IHE_XDM.zip', content: buildXdm(documents, usager, mistakes), contentType: 'application/zip' },
      ...pdfs,
    ],
    headers: {
      'X-MSS-CODECDA': documents.map((d) => d.typeCode.code).join(','),
      'X-MSS-INS': insHeader(usager, mistakes),
      'X-MSS-NIL': PRODUCT_REFERENCE,
      ...(options.requestMdn ? { 'Disposition-Notification-To': from } : {}),
    },
  }
}

/** X-MSS-INS: O when the archive designates the patient by her qualified INS, N otherwise (ECO.2.4.2). */
function insHeader(usager: Usager, mistakes: Mistakes): string {
  const ins = qualifiedIns(usager)
  if (!ins) return 'N'
  return mistakes.mssInsHeaderWithMatricule ? ins.value : 'O'
}

/** An MDN (RFC 8098) saying a received message was processed, as the MSS-HL7v2 volet shapes it. */
export function mdnMessage(from: string, original: { messageId: string; to: string; subject?: string }): Mail.Options {
  const boundary = `mdn-${Date.now().toString(36)}`
  const raw = [
    `From: ${from}`,
    `To: ${original.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(original.subject ?? 'Accusé de traitement').toString('base64')}?=`,
    `Date: ${new Date().toUTCString()}`,
    `Message-ID: <mdn-${Date.now().toString(36)}.${Math.random().toString(36).slice(2)}@${from.split('@')[1]}>`,
    `In-Reply-To: ${original.messageId}`,
    `References: ${original.messageId}`,
    'Auto-Submitted: auto-replied',
    'MIME-Version: 1.0',
    `Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"`,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Le message ${original.messageId} a été intégré dans le dossier de l'usager.`,
    '',
    `--${boundary}`,
    'Content-Type: message/disposition-notification',
    '',
    `Reporting-UA: ${from.split('@')[1]}; DUI de référence dui-harness`,
    `Original-Recipient: rfc822; ${from}`,
    `Final-Recipient: rfc822; ${from}`,
    `Original-Message-ID: ${original.messageId}`,
    'Disposition: automatic-action/MDN-sent-automatically; processed',
    '',
    `--${boundary}--`,
    '',
  ].join('\r\n')
  return { envelope: { from, to: original.to }, raw }
}
