import { unzipSync } from 'fflate'
import { simpleParser, type ParsedMail } from 'mailparser'
import type { Action, Dui } from '../dui.ts'
import { MailClient, type ReceivedRaw } from '../mail-client.ts'
import { documentMessage, mdnMessage, patientAddress } from '../mssante-message.ts'

/** What the DUI made of one received message (the `mssante.fetch` result). */
interface Filed {
  readonly messageId: string
  readonly kind: 'document' | 'mdn' | 'bounce' | 'other'
  readonly usager?: string
  readonly documents?: number
  readonly originalMessageId?: string
  readonly disposition?: string
  readonly mdnMessageId?: string
}

const MAX_ENTRY_BYTES = 20 * 1024 * 1024

/** Sending documents through MSSanté and reading the mailbox. */
export function mssanteActions(dui: Dui): Record<string, Action> {
  const client = () => {
    const mssante = dui.endpoints.mssante
    if (!mssante) throw new Error('aucun opérateur MSSanté dans la session')
    return new MailClient({ ...mssante, ...(dui.endpoints.ca ? { ca: dui.endpoints.ca } : {}) })
  }
  return {
    'mssante.send': async (params) => {
      const document = dui.documents.get(String(params['documentId']))
      const usager = dui.usagers.get(document.usagerId)
      const mail = client()
      const to = params['toPatient'] === true ? patientAddress(usager) : String(params['to'])
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
    if (reportType === 'delivery-status') return { messageId, kind: 'bounce', ...(parsed.inReplyTo ? { originalMessageId: parsed.inReplyTo } : {}) }
  }
  const zip = parsed.attachments.find((a) => /^ihe_xdm\.zip$/i.test(a.filename ?? ''))
  if (!zip) return { messageId, kind: 'other' }
  const ins = patientOfXdm(zip.content)
  const usager = ins ? dui.usagers.findByIns(ins) : undefined
  if (!usager) throw new Error(`document reçu ${messageId} : aucun usager à l'INS qualifié ${ins ?? '(absent de METADATA.XML)'}`)
  const mdn = await answerMdn(dui, mail, parsed, messageId)
  return { messageId, kind: 'document', usager: usager.localId, documents: 1, ...(mdn ? { mdnMessageId: mdn } : {}) }
}

/** ECO.2.1.2: the patient is the `patientId` of METADATA.XML. */
function patientOfXdm(zip: Buffer): string | undefined {
  const files = unzipSync(new Uint8Array(zip), { filter: (file) => /METADATA\.XML$/i.test(file.name) && file.originalSize <= MAX_ENTRY_BYTES })
  const metadata = Object.values(files)[0]
  if (!metadata) return undefined
  return /identificationScheme="urn:uuid:58a6f841-87b3-4a3e-92fd-a8ffeff98427"\s+value="([^"^]+)\^\^\^&/.exec(Buffer.from(metadata).toString('utf8'))?.[1]
}

async function answerMdn(dui: Dui, mail: MailClient, parsed: ParsedMail, messageId: string): Promise<string | undefined> {
  const asked = parsed.headers.get('disposition-notification-to')
  if (!asked || dui.mistakes.mssIgnoreMdnRequest) return undefined
  const to = typeof asked === 'string' ? asked.replace(/^.*<([^>]+)>.*$/, '$1') : ((asked as { value?: { address?: string }[] }).value?.[0]?.address ?? '')
  const sent = await mail.send(mdnMessage(mail.address, { messageId, to, ...(parsed.subject ? { subject: parsed.subject } : {}) }))
  return sent.messageId
}
