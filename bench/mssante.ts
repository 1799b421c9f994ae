// MSSanté simulator throughput: messages/second accepted over STARTTLS + AUTH, each one stored as
// evidence and judged (MIME rules + IHE_XDM + CDA header) before the 250 reply, next to a bare
// smtp-server (same library, same STARTTLS + AUTH, no evidence, no judgement) receiving the same
// bytes: the transport's own cost.
// Run: npx tsx bench/mssante.ts [messages-per-client]. Prints figures only; never a test.
// The last line is the BENCH-RESULT line read by bench/run-all.ts (bench/bench-result.ts).
import { mkdtempSync, rmSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import nodemailer from 'nodemailer'
import { SMTPServer } from 'smtp-server'
import { EvidenceStore } from '../harness/evidence/index.ts'
import { DUI_MAILBOX_PASSWORD, startMssante } from '../mocks/mssante/index.ts'
import { createTestPki } from '../mocks/pki/index.ts'
import { inboundDocumentMessage } from '../scenarios/fixtures/inbound-document.ts'
import { mssReceiveUsager } from '../scenarios/fixtures/mss-identities.ts'
import { printBenchResult } from './bench-result.ts'

const perClient = Number(process.argv[2] ?? 20)
const dir = mkdtempSync(join(tmpdir(), 'bench-mssante-'))
const pki = await createTestPki()
const operator = await startMssante({ evidence: new EvidenceStore(dir), pki })
const to = 'claire.dupont@ch-fictif.test-ci-sis.mssante.fr'
const sample = await inboundDocumentMessage(mssReceiveUsager, operator.duiAddress, to)

let bareReceived = 0
const bare = new SMTPServer({
  secure: false,
  key: pki.server.key,
  cert: pki.server.cert,
  minVersion: 'TLSv1.2',
  authMethods: ['PLAIN', 'LOGIN'],
  disableReverseLookup: true,
  maxClients: 64,
  logger: false,
  onAuth: (auth, _session, callback) => callback(null, { user: auth.username }),
  onData(stream, _session, callback) {
    stream.resume()
    stream.on('end', () => {
      bareReceived++
      callback()
    })
  },
})
await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve))
const bareAddress = `127.0.0.1:${(bare.server.address() as AddressInfo).port}`

async function client(address: string, count: number): Promise<void> {
  const [host, port] = address.split(':')
  // One pooled connection per client: STARTTLS + AUTH once, then one message after the other.
  const transport = nodemailer.createTransport({ pool: true, maxConnections: 1, host, port: Number(port), requireTLS: true, auth: { user: operator.duiAddress, pass: DUI_MAILBOX_PASSWORD }, tls: { ca: pki.ca.cert, servername: 'localhost' } })
  for (let i = 0; i < count; i++) await transport.sendMail({ envelope: { from: operator.duiAddress, to: [to] }, raw: sample.raw })
  transport.close()
}

/** Messages/second received by `count()` with `clients` concurrent clients. */
async function measure(address: string, clients: number, count: () => number): Promise<{ messages: number; seconds: number; rate: number }> {
  const before = count()
  const started = performance.now()
  await Promise.all(Array.from({ length: clients }, () => client(address, perClient)))
  const seconds = (performance.now() - started) / 1000
  const messages = count() - before
  if (messages !== clients * perClient) throw new Error(`${messages} messages reçus sur ${clients * perClient} : le banc de mesure est faux`)
  return { messages, seconds, rate: messages / seconds }
}

const rows: { clients: number; simulator: Awaited<ReturnType<typeof measure>>; bare: Awaited<ReturnType<typeof measure>> }[] = []
for (const clients of [1, 16]) {
  const bareRate = await measure(bareAddress, clients, () => bareReceived)
  rows.push({ clients, simulator: await measure(operator.smtp, clients, () => operator.submission.messages.all().length), bare: bareRate })
}
await operator.close()
await new Promise<void>((resolve) => bare.close(() => resolve()))
rmSync(dir, { recursive: true, force: true })

console.log(`simulateur MSSanté : message de ${sample.raw.length} octets (IHE_XDM + PDF), validation MIME + XDM + CDA incluse ; référence : smtp-server nu (STARTTLS + AUTH)`)
for (const row of rows) {
  console.log(
    `${String(row.clients).padStart(2)} client(s) : ${row.simulator.messages} messages en ${row.simulator.seconds.toFixed(2)} s -> ${row.simulator.rate.toFixed(1)} messages/s` +
      ` (smtp-server nu : ${row.bare.rate.toFixed(1)} messages/s)`,
  )
}
console.log(`rapport 16 / 1 : ${(rows[1]!.simulator.rate / rows[0]!.simulator.rate).toFixed(2)}`)
printBenchResult(
  'mssante',
  rows.map((row) => ({
    figure: `simulateur MSSanté avec validation, message document (MIME + IHE_XDM + CDA), ${row.clients} client${row.clients > 1 ? 's' : ''}`,
    value: row.simulator.rate,
    unit: 'msg/s',
    reference: 'smtp-server nu (STARTTLS + AUTH, sans preuve ni validation)',
    referenceValue: row.bare.rate,
    note: `${row.simulator.messages} messages de ${sample.raw.length} o`,
  })),
)
