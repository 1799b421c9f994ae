import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import type Mail from 'nodemailer/lib/mailer/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Mistakes } from '../../examples/reference-dui/defects/index.ts'
import { DocumentStore } from '../../examples/reference-dui/documents.ts'
import { documentMessage } from '../../examples/reference-dui/mssante-message.ts'
import type { Usager } from '../../examples/reference-dui/usagers.ts'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { insTransmissionIssues } from '../../harness/validate/identity/index.ts'
import { DUI_MAILBOX_PASSWORD, startMssante, type RunningMssante, type SubmittedMessage } from '../../mocks/mssante/index.ts'
import { createTestPki, type TestPki } from '../../mocks/pki/index.ts'
import { socialDocumentType } from '../../scenarios/fixtures/document-types.ts'
import type { TestIdentity } from '../../scenarios/fixtures/identities.ts'
import { inboundDocumentMessage } from '../../scenarios/fixtures/inbound-document.ts'
import { mssUnqualifiedUsager as identity } from '../../scenarios/fixtures/mss-identities.ts'
import { documentsSentByMail, insInsideDocuments } from '../../scenarios/ins/ins-inside-documents.ts'
import { insSentWithMessage } from '../../scenarios/ins/ins-sent-with-message.ts'
import { isDocumentMessageFor } from '../../scenarios/mss/mss-steps.ts'

// An usager whose INS was only retrieved (RECUP), written to a professional over a real SMTP session:
// the IHE_XDM designates her by her IPP; her INS must be neither around (INS-005) nor inside (DOC-008) the documents.
const PROFESSIONAL = 'coordination.test@ch-fictif.test-ci-sis.mssante.fr'
const INS = identity.ins.value
const unqualified = { localId: identity.localId, ins: INS, status: 'recuperee' } as const

function asUsager(person: TestIdentity): Usager {
  return { localId: person.localId, status: person.status, ins: person.ins, ...person.traits, birthGivenNames: person.traits.birthGivenNames ?? person.traits.firstBirthGivenName }
}

let pki: TestPki
let operator: RunningMssante

beforeAll(async () => {
  pki = await createTestPki()
  operator = await startMssante({ evidence: new EvidenceStore(mkdtempSync(join(tmpdir(), 'mss-unqualified-'))), pki })
})
afterAll(() => operator.close())

/** Submits `mail` over STARTTLS + AUTH and returns the message the operator correlated to the usager. */
async function submit(mail: Mail.Options, to = PROFESSIONAL): Promise<SubmittedMessage> {
  const [host, port] = operator.smtp.split(':')
  const transport = nodemailer.createTransport({ host, port: Number(port), secure: false, requireTLS: true, auth: { user: operator.duiAddress, pass: DUI_MAILBOX_PASSWORD }, tls: { ca: pki.ca.cert, servername: 'localhost' } })
  await transport.sendMail({ ...mail, from: operator.duiAddress, to })
  const message = await operator.nextMessage((m) => isDocumentMessageFor(m, { localId: identity.localId, ins: { value: INS } }, to), AbortSignal.timeout(5000))
  if (!message) throw new Error('message non reçu par l\'opérateur')
  return message
}

/** The reference DUI's message about the unqualified usager, with the given seeded mistakes. */
function referenceMessage(mistakes: Mistakes = {}, to = PROFESSIONAL): Mail.Options {
  const usager = asUsager(identity)
  const document = new DocumentStore(mistakes).produceN1(usager, 'Synthèse de l\'accompagnement', socialDocumentType)
  return documentMessage(operator.duiAddress, to, [document], usager, { mistakes })
}

const blocking = (message: SubmittedMessage) => message.analysis.issues.filter((issue) => issue.severity === 'error' || issue.severity === 'fatal')

describe('MSSanté to a professional for an identity that is not qualified', () => {
  it('correlates the message by recipient and IPP, accepts it, and finds no INS around or inside the documents', async () => {
    const message = await submit(referenceMessage())
    expect(message.analysis).toMatchObject({ kind: 'document', patients: [], localPatients: [identity.localId] })
    expect(isDocumentMessageFor(message, { localId: 'USG-AUTRE', ins: { value: '185037511234594' } }, PROFESSIONAL)).toBe(false)
    expect(isDocumentMessageFor(message, { localId: identity.localId, ins: { value: INS } }, 'autre.destinataire@ch-fictif.test-ci-sis.mssante.fr')).toBe(false)
    expect(blocking(message)).toEqual([])
    expect(message.raw.toString('latin1')).toMatch(/^X-Mss-Ins: N\r$/im)
    expect(await insSentWithMessage(message, INS)).toEqual([])
    expect(await insInsideDocuments(documentsSentByMail(message), unqualified)).toEqual([])
  })

  it('reports the INS written in the CDA of the archive under DOC-008 only, with the message as evidence', async () => {
    const message = await submit(referenceMessage({ cdaInsWhenKnown: true }))
    expect(blocking(message)).toEqual([])
    expect(await insSentWithMessage(message, INS)).toEqual([])
    const issues = await insInsideDocuments(documentsSentByMail(message), unqualified)
    expect(issues).toEqual([expect.objectContaining({ severity: 'error', rule: 'cda/ins-qualified-identity', requirement: 'DOC-008', evidence: message.evidenceId })])
    expect(issues[0]!.location?.path).toMatch(/^IHE_XDM\.zip!IHE_XDM\/SUBSET01\/DOC0001\.XML › \/ClinicalDocument\/recordTarget/)
  })

  it('reports the INS in a header under INS-005, not DOC-008', async () => {
    const mail = referenceMessage()
    const message = await submit({ ...mail, headers: { ...(mail.headers as Record<string, string>), 'X-MSS-INS': INS } })
    const sightings = await insSentWithMessage(message, INS)
    expect(sightings).toEqual([expect.objectContaining({ carrier: 'mssante-header', path: expect.stringMatching(/^x-mss-ins$/i), evidence: message.evidenceId })])
    expect(insTransmissionIssues('RECUP', INS, sightings)).toEqual([expect.objectContaining({ rule: 'identity/ins-only-when-qualified', requirement: 'INS-005' })])
    expect(await insInsideDocuments(documentsSentByMail(message), unqualified)).toEqual([])
  })

  it('splits an archive designating her by INS: METADATA.XML under INS-005, the CDA under DOC-008', async () => {
    const inbound = await inboundDocumentMessage(identity, operator.duiAddress, PROFESSIONAL)
    const message = await submit({ envelope: { from: operator.duiAddress, to: PROFESSIONAL }, raw: inbound.raw })
    expect(message.analysis.patients).toEqual([INS])
    const sightings = await insSentWithMessage(message, INS)
    expect(sightings.map((s) => [s.carrier, s.path])).toEqual([['xdm-metadata', 'IHE_XDM.zip!IHE_XDM/SUBSET01/METADATA.XML']])
    expect((await insInsideDocuments(documentsSentByMail(message), unqualified)).map((issue) => issue.requirement)).toEqual(['DOC-008'])
  })

  it('reports a patient address used for an archive that designates the patient by a local identifier (MSS-005)', async () => {
    const patientAddress = `${INS}@patient.mssante.fr`
    const message = await submit(referenceMessage({}, patientAddress), patientAddress)
    expect(message.analysis.issues.find((issue) => issue.rule === 'mime/patient-address')).toMatchObject({ requirement: 'MSS-005', severity: 'error' })
    expect(message.analysis.issues.find((issue) => issue.rule === 'mime/patient-address')?.message).toMatch(/identifiant local, sans INS qualifié/)
  })

  it('reports X-MSS-INS: O on an archive that carries no INS (MSS-009)', async () => {
    const mail = referenceMessage()
    const message = await submit({ ...mail, headers: { ...(mail.headers as Record<string, string>), 'X-MSS-INS': 'O' } })
    expect(blocking(message)).toEqual([expect.objectContaining({ rule: 'mime/x-mss-headers', requirement: 'MSS-009' })])
    expect(blocking(message)[0]!.message).toMatch(/« O » alors que l'archive IHE_XDM ne porte aucun INS/)
  })
})
