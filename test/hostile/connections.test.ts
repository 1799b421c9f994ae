import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { HostileCase, HttpTarget, SlowInput, TlsInput } from './corpus/case.ts'
import { connectionCases } from './corpus/connection-cases.ts'
import { waitForRecord } from './play/evidence.ts'
import { probeHttp } from './play/health.ts'
import { playImap } from './play/imap.ts'
import { startBench, type HostileBench } from './play/simulators.ts'
import { playSlow } from './play/slow.ts'
import { playTls } from './play/tls.ts'

const cases = connectionCases()
const slow = cases.filter((c) => c.input.transport === 'slow')
const tls = cases.filter((c) => c.input.transport === 'tls')
const HTTP_TARGETS: readonly HttpTarget[] = ['dmp.fhir', 'dmp.xds', 'insi', 'psc', 'annuaire']
let bench: HostileBench

beforeAll(async () => {
  bench = await startBench('connections')
})
afterAll(() => bench?.close())

/** Records carry the French reason; `target` is the evidence source (the simulator's name). */
async function expectRecordedReason(target: string, since: number, reason: RegExp): Promise<string> {
  const record = await waitForRecord(bench.evidence, target, since, (candidate) => reason.test(candidate.summary))
  expect(record, `aucune preuve « ${reason} » pour ${target} : ${bench.evidence.all().slice(since).filter((r) => r.source === target).map((r) => r.summary).join(' | ')}`).toBeDefined()
  return record!.summary
}

describe('slow-loris clients: every simulator cuts them at its client timeout, records the cut, and serves the others meanwhile', () => {
  // All slow clients hang at the same time; the simulators must keep answering everybody else.
  const since = { at: 0 }
  beforeAll(() => {
    since.at = bench.evidence.all().length
  })

  it.concurrent.for(slow.map((c) => [c.id, c] as const))('%s', async ([, hostile], { expect }) => {
    const input = hostile.input as SlowInput
    const endpoint = input.target === 'mssante.smtp' || input.target === 'mssante.imap' ? bench.mailEndpoint(input.target) : bench.endpoint(input.target)
    const outcome = await playSlow(endpoint, input)
    expect(outcome.status).toBe(hostile.expected.status)
    const summary = await expectRecordedReason(hostile.target, since.at, hostile.expected.reason as RegExp)
    const counted = /\((\d+) octets reçus\)/.exec(summary)?.[1]
    // The bytes the server says it received are the bytes this client wrote before the cut.
    if (counted) expect(Number(counted)).toBeGreaterThan(0)
    if (counted) expect(Number(counted)).toBeLessThanOrEqual(outcome.written)
  })

  it.concurrent('answers valid requests while the slow clients hang', async ({ expect }) => {
    await new Promise((resolve) => setTimeout(resolve, 300))
    for (const target of HTTP_TARGETS) expect(await probeHttp(bench.endpoint(target), target)).toBe(200)
    const read = await playImap(bench.mocks.mssante.imap, bench.account, { transport: 'imap', setup: 'login', lines: 'p1 SELECT INBOX\r\n' })
    expect(read.lines.some((line) => line.startsWith('p1 OK'))).toBe(true)
  })
})

describe('outdated TLS and plaintext on the INSi TLS port: the handshake fails, the refusal is recorded, the service keeps serving', () => {
  it.each(tls.map((c) => [c.id, c] as const))('%s', async (_id, hostile: HostileCase) => {
    const since = bench.evidence.all().length
    const outcome = await playTls(bench.endpoint('insi'), hostile.input as TlsInput)
    expect(outcome).toBe(hostile.expected.status)
    await expectRecordedReason('insi', since, hostile.expected.reason as RegExp)
    expect(await probeHttp(bench.endpoint('insi'), 'insi')).toBe(200)
  })
})
