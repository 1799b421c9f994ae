// MSSanté simulator throughput: messages/second accepted over STARTTLS + AUTH, each one stored as
// evidence and judged (MIME rules + IHE_XDM + CDA header) before the 250 reply.
// Run: npx tsx bench/mssante.ts [messages-per-client]. Prints figures only; never a test.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { EvidenceStore } from '../harness/evidence/index.ts'
import { DUI_MAILBOX_PASSWORD, startMssante } from '../mocks/mssante/index.ts'
import { createTestPki } from '../mocks/pki/index.ts'
import { inboundDocumentMessage } from '../scenarios/fixtures/inbound-document.ts'
import { mssReceiveUsager } from '../scenarios/fixtures/mss-identities.ts'

const perClient = Number(process.argv[2] ?? 20)
const dir = mkdtempSync(join(tmpdir(), 'bench-mssante-'))
const pki = await createTestPki()
const operator = await startMssante({ evidence: new EvidenceStore(dir), pki })
const [host, port] = operator.smtp.split(':')
const to = 'claire.dupont@ch-fictif.test-ci-sis.mssante.fr'
const sample = await inboundDocumentMessage(mssReceiveUsager, operator.duiAddress, to)

async function client(count: number): Promise<void> {
  // One pooled connection per client: STARTTLS + AUTH once, then one message after the other.
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 1, host, port: Number(port), requireTLS: true, auth: { user: operator.duiAddress, pass: DUI_MAILBOX_PASSWORD }, tls: { ca: pki.ca.cert, servername: 'localhost' } })
  for (let i = 0; i < count; i++) await transport.sendMail({ envelope: { from: operator.duiAddress, to: [to] }, raw: sample.raw })
  transport.close()
}

const rows: { clients: number; messages: number; seconds: number; rate: number }[] = []
for (const clients of [1, 16]) {
  const before = operator.submission.messages.all().length
  const started = performance.now()
  await Promise.all(Array.from({ length: clients }, () => client(perClient)))
  const seconds = (performance.now() - started) / 1000
  const messages = operator.submission.messages.all().length - before
  rows.push({ clients, messages, seconds, rate: messages / seconds })
}
await operator.close()
rmSync(dir, { recursive: true, force: true })

console.log(`simulateur MSSanté : message de ${sample.raw.length} octets (IHE_XDM + PDF), validation MIME + XDM + CDA incluse`)
for (const row of rows) console.log(`${String(row.clients).padStart(2)} client(s) : ${row.messages} messages en ${row.seconds.toFixed(2)} s -> ${row.rate.toFixed(1)} messages/s`)
console.log(`rapport 16 / 1 : ${(rows[1]!.rate / rows[0]!.rate).toFixed(2)}`)
