// Benchmark of the DMP simulator with validation on: ITI-65 (FHIR PDSm) and ITI-41 (XDS.b SOAP
// MTOM) submissions per second, sequential and with 16 concurrent clients on loopback, next to a
// bare node:http echo server receiving the same bytes (the transport's own cost).
// Usage: npx tsx bench/dmp.ts [--requests <n>]   (prints figures; asserts nothing)
// The last line is the BENCH-RESULT line read by bench/run-all.ts (bench/bench-result.ts).
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DocumentStore } from '../examples/reference-dui/documents.ts'
import { buildProvideBundle } from '../examples/reference-dui/pdsm-bundle.ts'
import type { Usager } from '../examples/reference-dui/usagers.ts'
import { provideRequest } from '../examples/reference-dui/xds/provide-request.ts'
import { mtomPackage, soapEnvelope } from '../examples/reference-dui/xds/soap-message.ts'
import { vihfSecurityHeader } from '../examples/reference-dui/xds/vihf.ts'
import { EvidenceStore } from '../harness/evidence/index.ts'
import { startDmp } from '../mocks/dmp/index.ts'
import { printBenchResult } from './bench-result.ts'

const args = process.argv.slice(2)
const total = Number(args[args.indexOf('--requests') + 1] ?? 0) || 400

const usager: Usager = { localId: 'BENCH-1', status: 'QUAL', ins: { value: '279035121518989', oid: '1.2.250.1.213.1.4.10' }, birthFamilyName: 'PAT-TROIS', firstBirthGivenName: 'DOMINIQUE', birthGivenNames: 'DOMINIQUE MARIE-LOUISE', sex: 'F', birthDate: '1979-03-28', birthPlaceCode: '51215' }
const document = new DocumentStore().produceN1(usager, 'Synthèse', { code: '28653-4', codeSystem: '2.16.840.1.113883.6.1', displayName: 'Document du secteur social / médico-social' })

interface Payload {
  readonly contentType: string
  readonly body: Buffer
}

const runDir = mkdtempSync(join(tmpdir(), 'bench-dmp-'))
const dmp = await startDmp({ evidence: new EvidenceStore(runDir) })
const iti65: Payload = { contentType: 'application/fhir+json', body: Buffer.from(JSON.stringify(buildProvideBundle(document, usager))) }
const request = provideRequest(document, usager)
const iti41: Payload = mtomPackage(soapEnvelope('urn:ihe:iti:2007:ProvideAndRegisterDocumentSet-b', dmp.xdsUrl, vihfSecurityHeader(usager.ins!), request.body), [{ contentId: request.contentId, contentType: 'text/xml', bytes: document.cda }])

const echo = createServer((req, res) => {
  req.resume()
  req.on('end', () => res.end('ok'))
})
await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve))
const echoUrl = `http://127.0.0.1:${(echo.address() as AddressInfo).port}/`

/** Sends `count` requests with `concurrency` clients; returns requests/second. */
async function measure(url: string, payload: Payload, count: number, concurrency: number, expect: (status: number, text: string) => boolean): Promise<number> {
  let next = 0
  let failures = 0
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        next++
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': payload.contentType }, body: new Uint8Array(payload.body) })
        if (!expect(response.status, await response.text())) failures++
      }
    }),
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  if (failures > 0) throw new Error(`${failures} réponses inattendues : le banc de mesure est faux`)
  return count / seconds
}

const accepted65 = (status: number) => status === 200
const accepted41 = (status: number, text: string) => status === 200 && text.includes('ResponseStatusType:Success')
const okEcho = (status: number) => status === 200

// Warm-up: compile the FHIR schema, load the CDA rules, open connections.
await measure(dmp.fhirUrl, iti65, 5, 1, accepted65)
await measure(dmp.xdsUrl, iti41, 5, 1, accepted41)

const rows: { label: string; transaction: string; concurrency: number; simulator: number; bare: number; count: number; bytes: number }[] = []
for (const concurrency of [1, 16]) {
  const count = concurrency === 1 ? Math.max(50, Math.round(total / 4)) : total
  const echo65 = await measure(echoUrl, iti65, count, concurrency, okEcho)
  rows.push({ label: `ITI-65 (${iti65.body.length} o), ${concurrency} client(s)`, transaction: 'ITI-65 (Bundle FHIR PDSm)', concurrency, simulator: await measure(dmp.fhirUrl, iti65, count, concurrency, accepted65), bare: echo65, count, bytes: iti65.body.length })
  const echo41 = await measure(echoUrl, iti41, count, concurrency, okEcho)
  rows.push({ label: `ITI-41 MTOM (${iti41.body.length} o), ${concurrency} client(s)`, transaction: 'ITI-41 (XDS.b SOAP MTOM)', concurrency, simulator: await measure(dmp.xdsUrl, iti41, count, concurrency, accepted41), bare: echo41, count, bytes: iti41.body.length })
}

console.log(`Simulateur DMP, validation complète (schéma FHIR R4, PDSm, métadonnées XDS, CDA, VIHF) — ${new Date().toISOString()}`)
console.log(`machine : ${process.platform} ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cœurs`)
console.log('| transaction | requêtes | simulateur (req/s) | écho node:http (req/s) | rapport écho / simulateur |')
console.log('| --- | --- | --- | --- | --- |')
for (const { label, simulator, bare, count } of rows) console.log(`| ${label} | ${count} | ${simulator.toFixed(0)} | ${bare.toFixed(0)} | ${(bare / simulator).toFixed(1)} |`)

await dmp.close()
echo.close()
rmSync(runDir, { recursive: true, force: true })
printBenchResult(
  'dmp',
  rows.map((row) => ({
    figure: `simulateur DMP avec validation, ${row.transaction}, ${row.concurrency} client${row.concurrency > 1 ? 's' : ''}`,
    value: row.simulator,
    unit: 'req/s',
    reference: 'écho node:http nu (mêmes octets)',
    referenceValue: row.bare,
    note: `${row.count} requêtes de ${row.bytes} o`,
  })),
)
