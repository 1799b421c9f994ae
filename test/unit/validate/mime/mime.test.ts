import { describe, expect, it } from 'vitest'
import { validateMessage } from '../../../../harness/validate/mime/index.ts'
import { buildBounce, buildMdn } from '../../../../mocks/index.ts'
import { buildTestXdm, inboundDocumentMessage } from '../../../../scenarios/fixtures/inbound-document.ts'
import { mssPatientUsager, mssReceiveUsager as usager } from '../../../../scenarios/fixtures/mss-identities.ts'

const FROM = 'claire.dupont@ch-fictif.test-ci-sis.mssante.fr'
const TO = 'dui@dui-harness.test-ci-sis.mssante.fr'

async function valid(): Promise<string> {
  return (await inboundDocumentMessage(usager, FROM, TO)).raw.toString('latin1')
}
/** Blocking MIME rules only (the minimal fixture CDA has CDA findings of its own). */
function mimeRules(result: { issues: readonly { rule: string; severity: string }[] }): string[] {
  return [...new Set(result.issues.filter((i) => (i.severity === 'error' || i.severity === 'fatal') && i.rule.startsWith('mime/') && i.rule !== 'mime/xdm-content').map((i) => i.rule))]
}
const judge = (raw: string, options = {}) => validateMessage(Buffer.from(raw, 'latin1'), options)
/** Messages built here as text (MDN, bounce) are UTF-8 bytes. */
const judgeText = (raw: string) => validateMessage(Buffer.from(raw, 'utf8'))

describe('MSSanté message rules', () => {
  it('accepts a conforming document message, reading kind, identifiers and patient', async () => {
    const result = await judge(await valid())
    expect(mimeRules(result)).toEqual([])
    expect(result).toMatchObject({ kind: 'document', patients: [usager.ins.value] })
    expect(result.messageId).toMatch(/^<.+@ch-fictif\.test-ci-sis\.mssante\.fr>$/)
    expect(result.attachments.map((a) => a.filename)).toEqual(['IHE_XDM.zip', expect.stringMatching(/\.pdf$/)])
  })

  it('reports a subject that is not XDM/1.0/DDM+ (MSS-002)', async () => {
    const result = await judge((await valid()).replace(/^Subject: .*$/m, 'Subject: Compte rendu'))
    expect(result.issues.find((i) => i.rule === 'mime/subject-xdm')).toMatchObject({ requirement: 'MSS-002', severity: 'error' })
  })

  it('reports a missing PDF (MSS-001)', async () => {
    const raw = await valid()
    const noPdf = raw.replace(/application\/pdf/g, 'application/octet-stream').replace(/filename=([^\r\n]*)\.pdf/g, 'filename=$1.bin').replace(/name=([^\r\n]*)\.pdf/g, 'name=$1.bin')
    expect(mimeRules(await judge(noPdf))).toEqual(['mime/xdm-and-pdf'])
  })

  it('reports a message without IHE_XDM.zip but with an XDM subject (MSS-001)', async () => {
    const raw = (await valid()).replace(/IHE_XDM\.zip/g, 'archive.zip')
    expect((await judge(raw)).issues.find((i) => i.rule === 'mime/xdm-and-pdf')?.message).toMatch(/exactement une pièce jointe IHE_XDM\.zip \(trouvé 0\)/)
  })

  it('reports two patients in one message (MSS-001)', async () => {
    const raw = await valid()
    const second = buildTestXdm(mssPatientUsager).toString('base64').replace(/.{76}/g, '$&\r\n')
    const boundary = /boundary="([^"]+)"/.exec(raw)![1]!
    const extra = `--${boundary}\r\nContent-Type: application/zip; name=IHE_XDM.zip\r\nContent-Transfer-Encoding: base64\r\nContent-Disposition: attachment; filename=IHE_XDM.zip\r\n\r\n${second}\r\n--${boundary}--`
    const result = await judge(raw.replace(`--${boundary}--`, extra))
    expect(result.issues.find((i) => i.rule === 'mime/single-patient')).toMatchObject({ requirement: 'MSS-001' })
  })

  it('reports a missing or malformed Message-ID, and References without In-Reply-To (MSS-003)', async () => {
    const raw = await valid()
    expect((await judge(raw.replace(/^Message-ID:\s*[^\r\n]*\r\n/im, ''))).issues.find((i) => i.rule === 'mime/message-id')?.message).toMatch(/Message-ID absent/)
    expect((await judge(raw.replace(/^Message-ID:\s*[^\r\n]*/im, 'Message-ID: sans-chevrons'))).issues.find((i) => i.rule === 'mime/message-id')?.message).toMatch(/n'a pas la forme/)
    const reply = raw.replace(/^Message-ID:\s*[^\r\n]*/im, '$&\r\nIn-Reply-To: <a@b.fr>\r\nReferences: <c@d.fr>')
    expect((await judge(reply)).issues.find((i) => i.rule === 'mime/message-id')?.message).toMatch(/References doit reprendre/)
  })

  it('reports a text part that is not UTF-8 (MSS-004)', async () => {
    const raw = (await valid()).replace(/text\/plain; charset=utf-8/i, 'text/plain; charset=iso-8859-1')
    expect(mimeRules(await judge(raw))).toEqual(['mime/utf8-text'])
    const invalidBytes = (await valid()).replace(/(Content-Type: text\/plain; charset=utf-8\r\nContent-Transfer-Encoding: )[^\r]+(\r\n\r\n)[^\r]+/i, '$17bit$2Caf\xe9 cr\xe8me')
    expect((await judge(invalidBytes)).issues.find((i) => i.rule === 'mime/utf8-text')?.message).toMatch(/pas de l'UTF-8 valide/)
  })

  it('reports a patient address that is not the qualified INS of the documents (MSS-005)', async () => {
    const raw = await valid()
    const other = await judge(raw, { envelope: { from: FROM, to: ['185037511234594@patient.mssante.fr'] } })
    expect(other.issues.find((i) => i.rule === 'mime/patient-address')?.message).toMatch(/ne correspond pas au patient des documents/)
    const badKey = await judge(raw, { envelope: { from: FROM, to: ['177051305502100@patient.mssante.fr'] } })
    expect(badKey.issues.find((i) => i.rule === 'mime/patient-address')?.message).toMatch(/clé/)
    const unqualified = await judge(raw, { envelope: { from: FROM, to: [`${usager.ins.value}@patient.mssante.fr`] }, identityStatus: 'PROV' })
    expect(unqualified.issues.find((i) => i.rule === 'mime/patient-address')).toMatchObject({ requirement: 'MSS-005', code: 'security' })
    expect(mimeRules(await judge(raw, { envelope: { from: FROM, to: [`${usager.ins.value}@patient.mssante.fr`] }, identityStatus: 'QUAL' }))).toEqual([])
  })

  it('reports missing X-MSS-* headers as warnings only (MSS-009)', async () => {
    const result = await judge(await valid())
    const headers = result.issues.filter((i) => i.rule === 'mime/x-mss-headers')
    expect(headers.length).toBe(3)
    expect(headers.every((i) => i.severity === 'warning')).toBe(true)
  })

  it.each([
    ['X-MSS-INS carrying the matricule instead of O/N', `X-MSS-INS: ${usager.ins.value}`, /X-MSS-INS « 177051305502155 » : valeurs admises O ou N/],
    ['X-MSS-CODECDA not naming the CDA code', 'X-MSS-CODECDA: 11', /X-MSS-CODECDA « 11 » ne reprend pas les codes des documents CDA joints \(28653-4\)/],
  ])('reports an X-MSS-* header with a wrong value as an error: %s (MSS-009)', async (_label, line, message) => {
    const result = await judge((await valid()).replace(/^Subject: /m, `${line}\r\nSubject: `))
    const wrong = result.issues.filter((i) => i.rule === 'mime/x-mss-headers' && i.severity === 'error')
    expect(wrong).toHaveLength(1)
    expect(wrong[0]).toMatchObject({ requirement: 'MSS-009', code: 'value', message: expect.stringMatching(message) })
    const right = await judge((await valid()).replace(/^Subject: /m, `X-MSS-INS: O\r\nX-MSS-CODECDA: 28653-4\r\nX-MSS-NIL: REF-1\r\nSubject: `))
    expect(right.issues.filter((i) => i.rule === 'mime/x-mss-headers')).toEqual([])
  })

  it('reads an MDN and checks it against RFC 8098 (MSS-008)', async () => {
    const mdn = buildMdn({ messageId: '<orig@x.fr>', from: TO, to: FROM, subject: 'x' })
    const result = await judgeText(mdn)
    expect(result).toMatchObject({ kind: 'mdn', originalMessageId: '<orig@x.fr>', disposition: 'automatic-action/MDN-sent-automatically; processed' })
    expect(mimeRules(result)).toEqual([])
    const broken = await judgeText(mdn.replace(/^Final-Recipient: .*\r\n/m, '').replace(/^Disposition: .*$/m, 'Disposition: lu'))
    expect(broken.issues.filter((i) => i.rule === 'mime/mdn').map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(/Final-Recipient absent/), expect.stringMatching(/Disposition « lu » non conforme/)]))
  })

  it('reads a bounce and its original Message-ID', async () => {
    const result = await judgeText(buildBounce({ messageId: '<orig@x.fr>', from: TO, to: 'nobody@x.fr' }, 'x.fr'))
    expect(result).toMatchObject({ kind: 'dsn', originalMessageId: '<orig@x.fr>' })
  })

  it.each([
    'Thu, 5 Nov 2026 10:15:30 +0100',
    '5 Nov 2026 10:15 +0100',
    'Thu, 05 Nov 2026 09:15:30 GMT',
    'thu, 5 nov 26 10:15:30 EST (heure de New York)',
  ])('accepts the RFC 5322 date %s, obsolete forms included (MSS-012)', async (date) => {
    const result = await judge(`From: a@b.fr\r\nDate: ${date}\r\nMessage-ID: <a@b.fr>\r\n\r\nbody`)
    expect(result.issues.filter((i) => i.rule === 'mime/well-formed')).toEqual([])
  })

  it.each([
    ['no blank line between headers and body', 'From: a@b.fr\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@b.fr>\r\nSubject: x', /pas de ligne vide/],
    ['a header line without colon', 'From: a@b.fr\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@b.fr>\r\nthis is not a header\r\n\r\nbody', /ligne d'en-tête invalide/],
    ['multipart without boundary', 'From: a@b.fr\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@b.fr>\r\nContent-Type: multipart/mixed\r\n\r\nbody', /sans paramètre boundary/],
    ['an unclosed multipart', 'From: a@b.fr\r\nDate: Mon, 1 Jan 2024 00:00:00 +0000\r\nMessage-ID: <a@b.fr>\r\nContent-Type: multipart/mixed; boundary=XX\r\n\r\n--XX\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n', /pas fermée/],
    ['no From nor Date', 'Message-ID: <a@b.fr>\r\nSubject: x\r\n\r\nbody', /From absent/],
    ['a Date in the French local format', 'From: a@b.fr\r\nDate: 05/11/2026 10:15:30\r\nMessage-ID: <a@b.fr>\r\n\r\nbody', /Date « 05\/11\/2026 10:15:30 » hors du format RFC 5322/],
    ['a Date spelt out in French', 'From: a@b.fr\r\nDate: jeu. 5 nov. 2026 10:15:30 +0100\r\nMessage-ID: <a@b.fr>\r\n\r\nbody', /hors du format RFC 5322/],
  ])('reports a malformed message: %s (MSS-012)', async (_label, raw, message) => {
    const result = await judge(raw)
    expect(result.valid).toBe(false)
    expect(result.issues.filter((i) => i.rule === 'mime/well-formed').map((i) => i.message)).toEqual(expect.arrayContaining([expect.stringMatching(message)]))
  })
})
