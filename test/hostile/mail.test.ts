import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Issue } from '../../harness/core/issue.ts'
import type { Evidence } from '../../harness/core/evidence.ts'
import type { HostileCase, ImapInput, SmtpInput } from './corpus/case.ts'
import { mailCases } from './corpus/mail-cases.ts'
import { RECIPIENT, SENDER } from './corpus/mime-attacks.ts'
import { fileBytes, sha256, waitForRecord } from './play/evidence.ts'
import { playImap } from './play/imap.ts'
import { MEMORY_GROWTH_LIMIT_MB, rssMb } from './play/memory.ts'
import { startBench, type HostileBench } from './play/simulators.ts'
import { playSmtp, type SmtpOutcome } from './play/smtp.ts'

const cases = mailCases()
let bench: HostileBench
let baselineMb: number

beforeAll(async () => {
  bench = await startBench('mail')
  baselineMb = rssMb()
})
afterAll(() => bench?.close())

const PROBE_MESSAGE = Buffer.from(`From: ${SENDER}\r\nTo: ${RECIPIENT}\r\nDate: Mon, 23 Nov 2026 10:00:00 +0100\r\nMessage-ID: <sonde@hostile.test>\r\nSubject: sonde\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\nsonde\r\n`)

/**
 * The operator still takes a valid message, or the mailbox still logs in and selects INBOX. Waits
 * for the probe's own records, so they never mix with the next case's.
 */
async function expectServing(source: 'mssante.smtp' | 'mssante.imap'): Promise<void> {
  if (source === 'mssante.smtp') {
    const sent = await playSmtp(bench.mocks.mssante.smtp, bench.account, { transport: 'smtp', setup: 'auth', message: PROBE_MESSAGE })
    expect(sent.lines.some((line) => line.startsWith('250 2.0.0'))).toBe(true)
    return
  }
  const since = bench.evidence.all().length
  const read = await playImap(bench.mocks.mssante.imap, bench.account, { transport: 'imap', setup: 'login', lines: 'p1 SELECT INBOX\r\n' })
  expect(read.lines.some((line) => line.startsWith('p1 OK'))).toBe(true)
  expect(await waitForRecord(bench.evidence, 'mssante.imap', since, (record) => transcriptOf(record).includes('p1 SELECT INBOX'))).toBeDefined()
}

function transcriptOf(record: Evidence): string {
  return fileBytes(bench.runDir, record, 'transcript')?.toString('latin1') ?? ''
}

/** The verb (and tag or argument) of the case's first command, when plain text: credentials are masked in transcripts. */
function firstCommand(lines: Buffer | string | undefined): string | undefined {
  const first = Buffer.from(lines ?? '').toString('latin1').split(/\r?\n/)[0]!.split(' ').slice(0, 2).join(' ').slice(0, 40)
  return first && /^[\x20-\x7e]+$/.test(first) ? first : undefined
}

/** The server read a command before answering (not cut on its length, nor during the handshake). */
function readBeforeCut(hostile: HostileCase): boolean {
  return hostile.expected.status !== 'closed' && hostile.expected.status !== 'tls-refused' && !/line too long|trop longue/.test(String(hostile.expected.reason))
}

/** The answer the case expects: a reply code, a tagged IMAP refusal, a failed handshake or a cut. */
function answered(outcome: Omit<SmtpOutcome, 'message'>, status: HostileCase['expected']['status']): boolean {
  if (status === 'tls-refused') return outcome.tlsError !== undefined
  if (status === 'closed') return outcome.closed
  if (status === 'NO' || status === 'BAD') return outcome.lines.some((line) => new RegExp(`^(?!\\* |zz )\\S+ ${status} `).test(line))
  return outcome.lines.some((line) => line.startsWith(`${status} `))
}

/** Findings attached to what the case produced: the message's analysis, or a refused session. */
function findingsOf(records: readonly Evidence[]): Issue[] {
  const ids = new Set(records.map((record) => record.id))
  const submission = bench.mocks.mssante.submission
  return [...submission.messages.all().filter((m) => ids.has(m.evidenceId)).flatMap((m) => m.analysis.issues), ...submission.refusals.all().filter((r) => ids.has(r.evidenceId)).map((r) => r.issue)]
}

describe('hostile SMTP and IMAP inputs: the operator answers, records the session or the message, and keeps serving', () => {
  it.each(cases.map((c) => [c.id, c] as const))('%s', async (_id, hostile: HostileCase) => {
    const input = hostile.input as SmtpInput | ImapInput
    const source = input.transport === 'smtp' ? 'mssante.smtp' : 'mssante.imap'
    const since = bench.evidence.all().length
    const outcome = input.transport === 'smtp' ? await playSmtp(bench.mocks.mssante.smtp, bench.account, input) : await playImap(bench.mocks.mssante.imap, bench.account, input)

    // (2) recorded: the message's bytes (cut at the size limit when refused for its size), or the
    // session's transcript holding the case's first command; a session cut before any command was
    // read (line too long, failed handshake) leaves the record of its cut.
    const sent = input.transport === 'smtp' ? (outcome as SmtpOutcome).message : undefined
    const first = readBeforeCut(hostile) ? firstCommand(input.lines) : undefined
    const record = await waitForRecord(bench.evidence, source, since, (candidate) => (sent ? candidate.files.some((file) => file.role === 'message') : first ? transcriptOf(candidate).includes(first) : true))
    expect(record, 'aucune preuve enregistrée').toBeDefined()
    if (sent && hostile.expected.truncated) {
      expect(record!.summary).toMatch(new RegExp(`refusé, ${sent.bytes} octets > \\d+`))
      expect(record!.files.find((file) => file.role === 'message')!.bytes).toBeLessThanOrEqual(26_214_400)
    } else if (sent) {
      expect(sha256(fileBytes(bench.runDir, record!, 'message')!)).toBe(sent.sha256)
    }

    // (1) the expected answer, finding and French reason.
    expect(answered(outcome, hostile.expected.status), `réponse attendue ${hostile.expected.status} : ${outcome.lines.slice(-4).join(' | ')}`).toBe(true)
    const records = bench.evidence.all().slice(since).filter((r) => r.source === source)
    const findings = findingsOf(records)
    const said = [...outcome.lines, ...records.map((r) => r.summary), ...findings.map((issue) => issue.message)].join('\n')
    expect(said).toMatch(hostile.expected.reason)
    if (hostile.expected.rule) {
      const finding = findings.find((issue) => issue.rule === hostile.expected.rule)
      expect(finding, `règle ${hostile.expected.rule} absente : ${findings.map((i) => i.rule).join(', ')}`).toBeDefined()
      if (hostile.expected.requirement) expect(finding!.requirement).toBe(hostile.expected.requirement)
    }

    // (3) still serving.
    await expectServing(source)
  })

  it('keeps both services serving, and memory bounded, after the whole corpus', async () => {
    await expectServing('mssante.smtp')
    await expectServing('mssante.imap')
    expect(rssMb() - baselineMb).toBeLessThan(MEMORY_GROWTH_LIMIT_MB)
  })
})
