import { randomUUID } from 'node:crypto'

/** Minimal facts of the message a notification is about. */
export interface OriginalMessage {
  readonly messageId: string
  readonly from: string
  readonly to: string
  readonly subject?: string
}

/**
 * A bounce (RFC 3464 delivery status notification) from the operator's MAILER-DAEMON: the
 * recipient is unknown. Mon espace santé sends this kind of «Message non distribué» (brief §6.2).
 * Like the bounces of Postfix or Exim, it has no In-Reply-To nor References: the message it is
 * about is known only from the returned headers (text/rfc822-headers part).
 */
export function buildBounce(original: OriginalMessage, domain: string, reason = 'destinataire inconnu'): string {
  const boundary = `dsn-${randomUUID()}`
  return crlf(`From: MAILER-DAEMON@${domain}
To: ${original.from}
Subject: =?UTF-8?B?${Buffer.from(`Message non distribué : ${original.subject ?? ''}`).toString('base64')}?=
Date: ${new Date().toUTCString()}
Message-ID: <${randomUUID()}@${domain}>
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"

--${boundary}
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Votre message n'a pas pu être remis à ${original.to} : ${reason}.

--${boundary}
Content-Type: message/delivery-status

Reporting-MTA: dns; ${domain}

Final-Recipient: rfc822; ${original.to}
Action: failed
Status: 5.1.1
Diagnostic-Code: smtp; 550 5.1.1 ${reason}

--${boundary}
Content-Type: text/rfc822-headers

Message-ID: ${original.messageId}
From: ${original.from}
To: ${original.to}

--${boundary}--
`)
}

/**
 * An MDN (RFC 8098) from the recipient's client, shaped as the MSS-HL7v2 volet describes it
 * (brief §6.4): Final-Recipient, Original-Recipient, Original-Message-ID, Disposition.
 */
export function buildMdn(original: OriginalMessage, disposition = 'automatic-action/MDN-sent-automatically; processed'): string {
  const boundary = `mdn-${randomUUID()}`
  const domain = original.to.split('@')[1] ?? 'localhost'
  return crlf(`From: ${original.to}
To: ${original.from}
Subject: =?UTF-8?B?${Buffer.from(original.subject ?? 'Accusé de lecture').toString('base64')}?=
Date: ${new Date().toUTCString()}
Message-ID: <${randomUUID()}@${domain}>
In-Reply-To: ${original.messageId}
References: ${original.messageId}
Auto-Submitted: auto-replied
MIME-Version: 1.0
Content-Type: multipart/report; report-type=disposition-notification; boundary="${boundary}"

--${boundary}
Content-Type: text/plain; charset=UTF-8
Content-Transfer-Encoding: 8bit

Le message ${original.messageId} a été intégré par le destinataire.

--${boundary}
Content-Type: message/disposition-notification

Reporting-UA: ${domain}; simulateur dui-harness
Original-Recipient: rfc822; ${original.to}
Final-Recipient: rfc822; ${original.to}
Original-Message-ID: ${original.messageId}
Disposition: ${disposition}

--${boundary}--
`)
}

function crlf(text: string): string {
  return text.replace(/\r?\n/g, '\r\n')
}
