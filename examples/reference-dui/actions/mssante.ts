import { unzipSync } from 'fflate'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { Action, Dui } from '../dui.ts'
import { MailClient, type ReceivedRaw } from '../mail-client.ts'
import { documentMessage, mdnMessage, patientAddress } from '../mssante-message.ts'
import type { Usager } from '../usagers.ts'

/** What the DUI made of one received message (the `mssante.fetch` result). */
interface Filed {
  readonly messageId: string
  readonly kind: 'document' | 'mdn' | 'bounce' | 'other'
  readonly usager?: string
  readonly documents?: number
  readonly originalMessageId?: string
  readonly disposition?: string
  readonly mdnMessageId?: string
  /** Why the acknowledgement asked for could not be sent (the document is filed all the same). */
  readonly mdnError?: string
}

const MAX_ENTRY_BYTES = 20 * 1024 * 1024

/** Sending documents through MSSanté and reading the mailbox. */
export function mssanteActions(dui: Dui): Record<string, Action> {
  const client = () => {
    const mssante = dui.endpoints.mssante
    if (!mssante) throw new Error('aucun opérateur MSSanté dans la session')
    return new MailClient({ ...mssante, ...(dui.endpoints.ca ? { ca: dui.endpoints.ca } : {}) }, dui.mistakes)
  }
  return {
    'mssante.send': async (params) => {
      const document = dui.documents.get(String(params['documentId']))
      const usager = dui.usagers.get(document.usagerId)
      const mail = client()
      const to = params['toPatient'] === true ? patientAddress(usager, dui.mistakes) : String(params['to'])
      const sent = await mail.send(documentMessage(mail.address, to, [document], usager, { requestMdn: params['requestMdn'] === true, mistakes: dui.mistakes }))
      return { messageId: sent.messageId, to }
    },
    'mssante.fetch': async () => {
      const mail = client()
      const filed: Filed[] = []
      await mail.fetchUnseen(async (message) => {
        filed.push(await file(dui, mail, message))
      })
      return { messages: filed }
    },
  }
}

async function file(dui: Dui, mail: MailClient, message: ReceivedRaw): Promise<Filed> {
  const parsed = await simpleParser(message.raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true })
  const messageId = parsed.messageId ?? `uid-${message.uid}`
  const contentType = parsed.headers.get('content-type') as { value?: string; params?: Record<string, string> } | undefined
  if (contentType?.value === 'multipart/report') {
    const reportType = contentType.params?.['report-type']
    if (reportType === 'disposition-notification') {
      const fields = parsed.attachments.find((a) => a.contentType === 'message/disposition-notification')?.content.toString('utf8') ?? ''
      const original = /^Original-Message-ID:\s*(\S+)/im.exec(fields)?.[1] ?? parsed.inReplyTo
      const disposition = /^Disposition:\s*(.+)$/im.exec(fields)?.[1]?.trim()
      return { messageId, kind: 'mdn', ...(original ? { originalMessageId: original } : {}), ...(disposition ? { disposition } : {}) }
    }
    if (reportType === 'delivery-status') {
      const original = dui.mistakes.mssBounceByInReplyTo ? parsed.inReplyTo : returnedMessageId(parsed)
      return { messageId, kind: 'bounce', ...(original ? { originalMessageId: original } : {}) }
    }
  }
  const zip = parsed.attachments.find((a) => /^ihe_xdm\.zip$/i.test(a.filename ?? ''))
  if (!zip) return { messageId, kind: 'other' }
  const ins = patientOfXdm(zip.content)
  const usager = dui.mistakes.mssFileByNameAndBirthDate ? usagerOfSubject(dui, parsed.subject) : ins ? dui.usagers.findByIns(ins) : undefined
  if (!usager) throw new Error(`document reçu ${messageId} : aucun usager à l'INS qualifié ${ins ?? '(absent de METADATA.XML)'}`)
  const filed = { messageId, kind: 'document' as const, usager: usager.localId, documents: 1 }
  try {
    const mdn = await answerMdn(dui, mail, parsed, messageId)
    return { ...filed, ...(mdn ? { mdnMessageId: mdn } : {}) }
  } catch (error) {
    return { ...filed, mdnError: error instanceof Error ? error.message : String(error) }
  }
}

/** A bounce has no In-Reply-To: the message it is about is known by the headers it returns (RFC 3464). */
function returnedMessageId(parsed: ParsedMail): string | undefined {
  const returned = parsed.attachments.find((a) => a.contentType === 'text/rfc822-headers' || a.contentType === 'message/rfc822')
  return returned ? /^Message-ID:\s*(\S+)/im.exec(returned.content.toString('utf8'))?.[1] : undefined
}

/** The usager named at the end of an `XDM/1.0/DDM+<libellé> <NOM> <prénom> <JJ/MM/AAAA>` subject. */
function usagerOfSubject(dui: Dui, subject: string | undefined): Usager | undefined {
  const match = /(\S+) \S+ (\d{2})\/(\d{2})\/(\d{4})$/.exec(subject ?? '')
  return match ? dui.usagers.findByBirthNameAndDate(match[1]!, `${match[4]}-${match[3]}-${match[2]}`) : undefined
}

/**
 * ECO.2.1.2: the patient is the `patientId` of METADATA.XML, when it is an INS (CX.5 NH). A
 * sender's local identifier (CX.5 PI) names nobody in this DUI.
 */
function patientOfXdm(zip: Buffer): string | undefined {
  const files = unzipSync(new Uint8Array(zip), { filter: (file) => /METADATA\.XML$/i.test(file.name) && file.originalSize <= MAX_ENTRY_BYTES })
  const metadata = Object.values(files)[0]
  if (!metadata) return undefined
  return /identificationScheme="urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"\s+value="([^"^]+)\^\^\^&(?:amp;)?[0-9.]+&(?:amp;)?ISO\^NH"/.exec(Buffer.from(metadata).toString('utf8'))?.[1]
}

async function answerMdn(dui: Dui, mail: MailClient, parsed: ParsedMail, messageId: string): Promise<string | undefined> {
  const asked = parsed.headers.get('disposition-notification-to')
  if (!asked || dui.mistakes.mssIgnoreMdnRequest) return undefined
  const to = typeof asked === 'string' ? asked.replace(/^.*<([^>]+)>.*$/, '$1') : ((asked as { value?: { address?: string }[] }).value?.[0]?.address ?? '')
  const sent = await mail.send(mdnMessage(mail.address, { messageId, to, ...(parsed.subject ? { subject: parsed.subject } : {}) }))
  return sent.messageId
}
