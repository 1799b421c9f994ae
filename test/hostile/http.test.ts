import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HostileCase, HttpInput, HttpTarget } from './corpus/case.ts'
import { DOCUMENT_PLACEHOLDER, httpCases } from './corpus/http-cases.ts'
import { HOSTILE_INS, provideBundleWith, validCda } from './corpus/requests.ts'
import { fileBytes, issuesOf, readable, recordedBodySha256, waitForRecord } from './play/evidence.ts'
import { probeHttp } from './play/health.ts'
import { playHttp } from './play/http.ts'
import { MEMORY_GROWTH_LIMIT_MB, rssMb } from './play/memory.ts'
import { startBench, type HostileBench } from './play/simulators.ts'

const cases = httpCases()
let bench: HostileBench
let baselineMb: number

beforeAll(async () => {
  bench = await startBench('http')
  // A stored document for the JSON Patch cases (its id changes with every accepted update).
  const stored = await fetch(bench.mocks.dmp.fhirUrl, { method: 'POST', headers: { 'content-type': 'application/fhir+json' }, body: provideBundleWith(validCda()) })
  expect(stored.status).toBe(200)
  baselineMb = rssMb()
})
afterAll(() => bench?.close())

/** The current id of the stored DocumentReference (ITI-67). */
async function storedDocumentId(): Promise<string> {
  const search = (await (await fetch(`${bench.mocks.dmp.fhirUrl}/DocumentReference?status=current&patient.identifier=urn:oid:1.2.250.1.213.1.4.10|${HOSTILE_INS}`)).json()) as { entry: { resource: { id: string } }[] }
  return search.entry[0]!.resource.id
}

describe('hostile HTTP inputs: every simulator refuses with a French reason, records the input, and keeps serving', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, hostile: HostileCase) => {
    const input = hostile.input as HttpInput
    const target = input.target
    const document = input.path.includes(DOCUMENT_PLACEHOLDER) ? await storedDocumentId() : ''
    const since = bench.evidence.all().length
    const outcome = await playHttp(bench.endpoint(target), input, (path) => path.replace(DOCUMENT_PLACEHOLDER, document))

    // (2) recorded: the bytes sent are on disk (or cut at the limit, and the record says so).
    const record = await waitForRecord(bench.evidence, target, since, (candidate) => candidate.files.some((file) => file.role === 'request'))
    expect(record, 'aucune preuve enregistrée').toBeDefined()
    const exchange = bench.server(target).log.all().find((candidate) => candidate.evidenceId === record!.id)
    if (hostile.expected.truncated) {
      expect(exchange?.request).toMatchObject({ truncated: true, bodyBytes: outcome.sent.bodyBytes })
      expect(record!.summary).toMatch(/→ 413/)
    } else if (exchange) {
      expect(recordedBodySha256(bench.runDir, record!)).toBe(outcome.sent.bodySha256)
    } else {
      // Refused before a request existed (parser error): the raw bytes read are kept.
      expect(outcome.sent.raw?.includes(fileBytes(bench.runDir, record!, 'request')!) ?? false).toBe(true)
    }

    // (1) the expected refusal, its finding and its French reason.
    expect(outcome.status).toBe(hostile.expected.status)
    const issues = issuesOf(exchange?.meta)
    const said = [readable(outcome.text), ...bench.evidence.all().slice(since).filter((r) => r.source === target).map((r) => r.summary), ...issues.map((issue) => issue.message)].join('\n')
    expect(said).toMatch(hostile.expected.reason)
    if (hostile.expected.rule) {
      const finding = issues.find((issue) => issue.rule === hostile.expected.rule)
      expect(finding ?? said.includes(`[${hostile.expected.rule}]`), `règle ${hostile.expected.rule} absente`).toBeTruthy()
      if (hostile.expected.requirement) expect(finding?.requirement).toBe(hostile.expected.requirement)
    }

    // (3) the simulator still serves a valid request.
    expect(await probeHttp(bench.endpoint(target), target)).toBe(200)
  })

  it('keeps every simulator serving, and memory bounded, after the whole corpus', async () => {
    for (const target of ['dmp.fhir', 'dmp.xds', 'insi', 'psc', 'annuaire'] satisfies HttpTarget[]) expect(await probeHttp(bench.endpoint(target), target)).toBe(200)
    expect(rssMb() - baselineMb).toBeLessThan(MEMORY_GROWTH_LIMIT_MB)
  })
})
