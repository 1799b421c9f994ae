// Load: 50 candidate sessions in parallel against one harness (one set of simulators), as the 50
// ESSMS of one gestionnaire validating their DUI at once. Each session is its own reference DUI
// (an in-process instance of its driver server, driven over HTTP through the driver protocol) with
// its own generated test identity and its own MSSanté correspondent. Every exchange must be found
// by the simulators' claim logs for its session's identity, none missing, none extra, all accepted,
// and the evidence index must hold exactly those exchanges.
import { mkdtempSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDriverServer, listen } from '../../examples/reference-dui/driver-server.ts'
import { hasBlockingIssues, type Issue } from '../../harness/core/issue.ts'
import { HttpDriver } from '../../harness/drivers/http-driver.ts'
import { EvidenceStore } from '../../harness/evidence/index.ts'
import { insFormatProblem, insKey } from '../../harness/validate/identity/index.ts'
import { startMocks, type RunningMocks } from '../../mocks/index.ts'
import type { TestIdentity } from '../../scenarios/fixtures/identities.ts'
import { socialDocumentType } from '../../scenarios/fixtures/document-types.ts'

const SESSIONS = 50
/** Per session: TD0.2 before each share, one ITI-65, one ITI-41, one MSSanté message. */
const PER_SESSION = { 'TD0.2': 2, 'ITI-65': 1, 'ITI-41': 1, message: 1 } as const
const EVIDENCE_PER_SESSION = PER_SESSION['TD0.2'] + PER_SESSION['ITI-65'] + PER_SESSION['ITI-41'] + PER_SESSION.message

/**
 * A qualified test identity per session, unique by its NIR order number. The NIR agrees with the
 * traits (sex, year and month of birth, INSEE birthplace) and carries its computed key; test OID.
 */
function sessionIdentity(n: number): TestIdentity {
  const sex = n % 2 === 0 ? 'F' : 'M'
  const year = 1940 + (n % 60)
  const month = 1 + (n % 12)
  const birthPlaceCode = '51454'
  const matricule = `${sex === 'M' ? 1 : 2}${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${birthPlaceCode}${String(n + 1).padStart(3, '0')}`
  const given = sex === 'F' ? 'MARIE' : 'PIERRE'
  return {
    localId: `USG-LOAD-${String(n).padStart(2, '0')}`,
    ins: { value: `${matricule}${String(insKey(matricule)).padStart(2, '0')}`, oid: '1.2.250.1.213.1.4.10' },
    status: 'QUAL',
    traits: { birthFamilyName: `CHARGE-ESSMS-${n}`, firstBirthGivenName: given, birthGivenNames: given, sex, birthDate: `${year}-${String(month).padStart(2, '0')}-15`, birthPlaceCode },
  }
}

/** What one session's DUI said it did, to compare with what the simulators received. */
interface SessionOutcome {
  readonly usager: TestIdentity
  readonly correspondent: string
  readonly pdsmUniqueId: unknown
  readonly xdsUniqueId: unknown
  readonly messageId: unknown
}

let mocks: RunningMocks
let evidence: EvidenceStore
let runDir: string
const servers: Server[] = []

beforeAll(async () => {
  runDir = mkdtempSync(join(tmpdir(), 'load-sessions-'))
  evidence = new EvidenceStore(runDir)
  mocks = await startMocks({ evidence, runDir })
})
afterAll(async () => {
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  await mocks?.close()
})

/** One ESSMS: its own DUI instance and session, the actions a user would take, in order. */
async function session(n: number): Promise<SessionOutcome> {
  const server = createDriverServer()
  servers.push(server)
  const driver = new HttpDriver(await listen(server, '127.0.0.1', 0))
  expect((await driver.capabilities()).actions).toEqual(expect.arrayContaining(['identity.create', 'document.produce', 'dmp.share', 'mssante.send']))
  await driver.openSession({ runId: `charge-essms-${n}`, endpoints: mocks.endpoints() })
  const usager = sessionIdentity(n)
  const correspondent = `correspondant.essms-${n}@ch-fictif.test-ci-sis.mssante.fr`
  const act = async (action: string, params: Record<string, unknown>): Promise<Readonly<Record<string, unknown>>> => {
    const { result } = await driver.trigger(action, params)
    if (!result.ok) throw new Error(`session ${n}, ${action} : ${result.error}`)
    return result.result
  }
  await act('identity.create', { usager })
  const forPdsm = await act('document.produce', { usager: usager.localId, title: `Synthèse ESSMS ${n}`, typeCode: socialDocumentType })
  const forXds = await act('document.produce', { usager: usager.localId, title: `Projet personnalisé ESSMS ${n}`, typeCode: socialDocumentType })
  const pdsm = await act('dmp.share', { usager: usager.localId, documentId: forPdsm['documentId'], transport: 'pdsm' })
  const xds = await act('dmp.share', { usager: usager.localId, documentId: forXds['documentId'], transport: 'xds' })
  const sent = await act('mssante.send', { usager: usager.localId, documentId: forPdsm['documentId'], to: correspondent })
  return { usager, correspondent, pdsmUniqueId: pdsm['uniqueId'], xdsUniqueId: xds['uniqueId'], messageId: sent['messageId'] }
}

function blocking(meta: Record<string, unknown>): boolean {
  return hasBlockingIssues((meta['issues'] ?? []) as readonly Issue[])
}

describe(`${SESSIONS} candidate sessions in parallel against one harness`, () => {
  it('attributes every exchange to its session, loses none, invents none, and accepts them all', async () => {
    const identities = Array.from({ length: SESSIONS }, (_, n) => sessionIdentity(n))
    expect(identities.map((identity) => insFormatProblem(identity.ins.value))).toEqual(identities.map(() => undefined))
    expect(new Set(identities.map((identity) => identity.ins.value)).size).toBe(SESSIONS)

    const outcomes = await Promise.all(Array.from({ length: SESSIONS }, (_, n) => session(n)))

    const now = AbortSignal.abort()
    for (const { usager, correspondent, pdsmUniqueId, xdsUniqueId, messageId } of outcomes) {
      const ins = usager.ins.value
      // Claimed by this session's identity: each exchange is handed out once, to the one who asks.
      for (let i = 0; i < PER_SESSION['TD0.2']; i++) expect((await mocks.dmp.next('TD0.2', ins, now))?.meta, `TD0.2 ${i + 1} de ${ins}`).toMatchObject({ patientIns: ins, dmpState: 'active' })
      const iti65 = await mocks.dmp.next('ITI-65', ins, now)
      expect(iti65?.meta, `ITI-65 de ${ins}`).toMatchObject({ accepted: true, patientIns: `1.2.250.1.213.1.4.10|${ins}`, stored: [pdsmUniqueId] })
      expect(iti65!.response.status).toBe(200)
      expect(blocking(iti65!.meta)).toBe(false)
      const iti41 = await mocks.dmp.next('ITI-41', ins, now)
      expect(iti41?.meta, `ITI-41 de ${ins}`).toMatchObject({ accepted: true, patientIns: `1.2.250.1.213.1.4.10|${ins}`, stored: [xdsUniqueId] })
      expect(blocking(iti41!.meta)).toBe(false)
      const message = await mocks.mssante.nextMessage((candidate) => candidate.analysis.patients.includes(ins), now)
      expect(message?.envelope.to, `message MSSanté de ${ins}`).toEqual([correspondent])
      expect(message!.analysis).toMatchObject({ kind: 'document', valid: true, patients: [ins], messageId })
      // Nothing more for this identity.
      for (const transaction of ['TD0.2', 'ITI-65', 'ITI-41']) expect(await mocks.dmp.next(transaction, ins, now), `${transaction} en trop pour ${ins}`).toBeUndefined()
      expect(await mocks.mssante.nextMessage((candidate) => candidate.analysis.patients.includes(ins), now)).toBeUndefined()
    }

    // Exact totals: 50 × the per-session count, nothing else reached the simulators.
    const transactions = [...mocks.dmp.fhir.log.all(), ...mocks.dmp.xds.log.all()].map((exchange) => String(exchange.meta['transaction']))
    expect(transactions.filter((t) => t === 'TD0.2')).toHaveLength(SESSIONS * PER_SESSION['TD0.2'])
    expect(transactions.filter((t) => t === 'ITI-65')).toHaveLength(SESSIONS * PER_SESSION['ITI-65'])
    expect(transactions.filter((t) => t === 'ITI-41')).toHaveLength(SESSIONS * PER_SESSION['ITI-41'])
    expect(transactions).toHaveLength(SESSIONS * (PER_SESSION['TD0.2'] + PER_SESSION['ITI-65'] + PER_SESSION['ITI-41']))
    expect(mocks.mssante.submission.messages.all()).toHaveLength(SESSIONS * PER_SESSION.message)

    // The evidence index holds exactly those exchanges, one record each, all answered by a handler.
    const index = readFileSync(join(runDir, 'evidence/index.ndjson'), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as { id: string; handler?: string })
    expect(index).toHaveLength(SESSIONS * EVIDENCE_PER_SESSION)
    expect(evidence.all()).toHaveLength(index.length)
    const exchangeIds = [...mocks.dmp.fhir.log.all(), ...mocks.dmp.xds.log.all(), ...mocks.mssante.submission.messages.all()].map((exchange) => exchange.evidenceId)
    expect(new Set(exchangeIds)).toEqual(new Set(index.map((record) => record.id)))
    expect(index.filter((record) => !record.handler)).toEqual([])
  })
})
