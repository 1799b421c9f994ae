import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Dui } from '../../../examples/reference-dui/dui.ts'
import { allActions } from '../../../examples/reference-dui/actions/index.ts'
import { MANUAL_CHECK_ACTION, manualCheck } from '../../../harness/core/manual-check.ts'
import { runScenarios } from '../../../harness/core/runner.ts'
import { defineScenario, step } from '../../../harness/core/scenario.ts'
import { HttpDriver } from '../../../harness/drivers/http-driver.ts'
import { fetchedMessage } from '../../../harness/drivers/manual-answers.ts'
import { ManualBook } from '../../../harness/drivers/manual-book.ts'
import { ManualDriver } from '../../../harness/drivers/manual-driver.ts'
import { INSTRUCTIONS, MANUAL_ACTIONS } from '../../../harness/drivers/manual-instructions.ts'
import { OperatorConsole } from '../../../harness/drivers/operator-console.ts'
import { EvidenceStore } from '../../../harness/evidence/index.ts'
import { loadCatalogue } from '../../../harness/requirements/catalogue.ts'
import { computeCoverage } from '../../../harness/requirements/coverage.ts'
import { startMocks, type RunningMocks } from '../../../mocks/index.ts'
import { socialDocumentType } from '../../../scenarios/fixtures/document-types.ts'
import { dominiqueQualified } from '../../../scenarios/fixtures/identities.ts'
import { dominiqueAdrtrois } from '../../../scenarios/fixtures/insi-identities.ts'
import { scriptedTerminal } from '../../helpers/scripted-terminal.ts'
import { startStubCandidate } from '../../helpers/stub-candidate.ts'

function manualDriver() {
  const terminal = scriptedTerminal()
  const driver = new ManualDriver(new OperatorConsole(terminal.input, terminal.output), { answerTimeoutMs: 10_000 })
  return { terminal, driver }
}

describe('manual driver instructions (French, built from the params)', () => {
  it('names the usager with every trait, the INS and the status to file', () => {
    const text = INSTRUCTIONS['identity.create']!({ usager: dominiqueQualified }, new ManualBook())
    expect(text).toBe(
      'Créez dans le DUI le dossier de l\'usager PAT-TROIS DOMINIQUE MARIE-LOUISE : nom de naissance PAT-TROIS, prénoms de naissance ' +
        'DOMINIQUE MARIE-LOUISE (premier prénom DOMINIQUE), sexe féminin, née le 28/03/1979, lieu de naissance (code INSEE) 51215, ' +
        'INS 279035121518989 (OID 1.2.250.1.213.1.4.10), statut de l\'identité : identité qualifiée (INSi et pièce d\'identité à haut ' +
        'niveau de confiance) (QUAL). Référence de l\'usager pour le banc : USG-0001.',
    )
    const provisional = INSTRUCTIONS['identity.create']!({ usager: { localId: dominiqueAdrtrois.localId, status: 'PROV', traits: dominiqueAdrtrois.traits } }, new ManualBook())
    expect(provisional).toContain(', sans INS, statut de l\'identité : identité provisoire (PROV).')
  })

  it('refers later to the usager and the document as the operator filed them', () => {
    const book = new ManualBook()
    book.addUsager({ localId: 'USG-0001', family: 'PAT-TROIS', given: 'DOMINIQUE' })
    book.addDocument({ documentId: 'DOC-1', title: 'Synthèse de l\'accompagnement', usager: 'USG-0001' })
    expect(INSTRUCTIONS['dmp.share']!({ usager: 'USG-0001', documentId: 'DOC-1', transport: 'pdsm' }, book)).toBe(
      'Partagez le document « Synthèse de l\'accompagnement » (référence DOC-1) dans le DMP de l\'usager PAT-TROIS DOMINIQUE (référence USG-0001) par le service FHIR PDSm (transaction ITI-65).',
    )
    expect(INSTRUCTIONS['mssante.send']!({ usager: 'USG-0001', documentId: 'DOC-1', toPatient: true, requestMdn: true }, book)).toBe(
      'Envoyez par MSSanté le document « Synthèse de l\'accompagnement » (référence DOC-1) de l\'usager PAT-TROIS DOMINIQUE (référence USG-0001) à l\'usager lui-même, dans sa messagerie Mon espace santé (adresse construite depuis son INS), en demandant un accusé de traitement.',
    )
    expect(INSTRUCTIONS['document.produce']!({ usager: 'USG-0001', format: 'cda-n1-pdf', title: 'Projet', typeCode: socialDocumentType }, book)).toBe(
      'Produisez pour l\'usager PAT-TROIS DOMINIQUE (référence USG-0001) le document « Projet » de type « Document du secteur social / médico-social » (code 28653-4), au format CDA R2 non structuré (N1) contenant un PDF.',
    )
    expect(INSTRUCTIONS['document.produce']!({ usager: 'USG-0001', model: 'dlu', format: 'cda-structured' }, book)).toBe(
      'Produisez pour l\'usager PAT-TROIS DOMINIQUE (référence USG-0001) un document du modèle « dlu » au format CDA R2 structuré (table « Modèles de documents » de docs/driver-protocol.md).',
    )
    expect(INSTRUCTIONS['document.revise']!({ documentId: 'DOC-1', title: 'V2' }, book)).toBe('Produisez une nouvelle version du document « Synthèse de l\'accompagnement » (référence DOC-1), intitulée « V2 », qui remplace la précédente.')
    // Unknown references are still named, never invented.
    expect(INSTRUCTIONS['dmp.archive']!({ documentId: 'X-9' }, book)).toBe('Archivez le document de référence X-9 dans le DMP.')
  })

  it('declares every action the reference DUI knows, and the manual checks', () => {
    const reference = Object.keys(allActions(new Dui()))
    expect(reference.filter((action) => !MANUAL_ACTIONS.includes(action))).toEqual([])
    expect(MANUAL_ACTIONS).toContain(MANUAL_CHECK_ACTION)
    for (const action of MANUAL_ACTIONS) expect(INSTRUCTIONS[action]!({}, new ManualBook()).length).toBeGreaterThan(20)
  })

  it('reads a mailbox report line as the protocol\'s messages[] entry', () => {
    expect(fetchedMessage('document <a@x> USG-MSS-03')).toEqual({ kind: 'document', messageId: '<a@x>', usager: 'USG-MSS-03' })
    expect(fetchedMessage('accuse <m@x> <a@x>')).toEqual({ kind: 'mdn', messageId: '<m@x>', originalMessageId: '<a@x>' })
    expect(fetchedMessage('Non-remise <b@x> <a@x>')).toEqual({ kind: 'bounce', messageId: '<b@x>', originalMessageId: '<a@x>' })
    expect(fetchedMessage('autre <o@x>')).toEqual({ kind: 'other', messageId: '<o@x>' })
    expect(fetchedMessage('document <a@x>')).toBeUndefined()
    expect(fetchedMessage('courrier <a@x> y')).toBeUndefined()
  })
})

describe('manual driver (stdin answers)', () => {
  it('asks the DUI name and version, and declares every action', async () => {
    const { terminal, driver } = manualDriver()
    const capabilities = driver.capabilities()
    await terminal.answer(/\? Nom du DUI testé/, 'MonDUI')
    await terminal.answer(/\? Version du DUI testé/, '4.2')
    expect(await capabilities).toEqual({ name: 'MonDUI', version: '4.2', actions: MANUAL_ACTIONS })
    const defaults = manualDriver()
    const named = defaults.driver.capabilities()
    await defaults.terminal.answer(/\? Nom du DUI testé/, '')
    await defaults.terminal.answer(/\? Version du DUI testé/, '')
    expect(await named).toMatchObject({ name: 'DUI piloté manuellement' })
    expect(await named).not.toHaveProperty('version')
  })

  it('prints the simulators and the test CA at session start', async () => {
    const { terminal, driver } = manualDriver()
    await driver.openSession({ runId: 'r1', endpoints: { dmp: { fhir: 'http://127.0.0.1:1/fhir' }, mssante: { smtp: '127.0.0.1:2', imap: '127.0.0.1:3', domain: 'd.test' }, ca: '/tmp/ca.pem' } })
    expect(terminal.text()).toContain('  DMP, FHIR PDSm (ITI-65, ITI-67, TD0.2…) : http://127.0.0.1:1/fhir')
    expect(terminal.text()).toContain('  MSSanté, boîte du DUI : dui@d.test, mot de passe dui-harness-test')
    expect(terminal.text()).toContain('  Autorité de certification de test, à ajouter aux autorités de confiance du DUI : /tmp/ca.pem')
    expect(terminal.text()).toContain('Adresses au format JSON : {"dmp":{"fhir":"http://127.0.0.1:1/fhir"}')
  })

  it('returns at once for an action whose effect is traffic: the step awaits the traffic', async () => {
    const { terminal, driver } = manualDriver()
    const outcome = await driver.trigger('dmp.share', { usager: 'USG-0001', documentId: 'DOC-1', transport: 'pdsm' })
    expect(outcome.result).toEqual({ ok: true, result: {} })
    expect(terminal.text()).toMatch(/▷ Partagez le document de référence DOC-1 dans le DMP/)
    expect(terminal.text()).not.toContain('?')
    expect(outcome.call).toMatchObject({ method: 'MANUAL', url: 'manual://operateur/actions/dmp.share' })
    expect(JSON.parse(outcome.call.requestBody!)).toMatchObject({ params: { documentId: 'DOC-1' } })
  })

  it('waits for Enter after filing a usager, and for the document reference the operator gives', async () => {
    const { terminal, driver } = manualDriver()
    const created = driver.trigger('identity.create', { usager: dominiqueQualified })
    await terminal.answer(/\? Appuyez sur Entrée quand le dossier de l'usager est enregistré/, '')
    expect((await created).result).toEqual({ ok: true, result: { localId: 'USG-0001' } })
    const produced = driver.trigger('document.produce', { usager: 'USG-0001', format: 'cda-n1-pdf', title: 'Synthèse', typeCode: socialDocumentType })
    await terminal.answer(/Entrée : DOC-1\)/, '')
    expect((await produced).result).toEqual({ ok: true, result: { documentId: 'DOC-1' } })
    const typed = driver.trigger('document.produce', { usager: 'USG-0001', format: 'cda-n1-pdf', title: 'Projet', typeCode: socialDocumentType })
    await terminal.answer(/Entrée : DOC-2\)/, 'PPA-2026-7')
    expect((await typed).result).toEqual({ ok: true, result: { documentId: 'PPA-2026-7' } })
    // The next instruction names what the operator filed.
    await driver.trigger('dmp.share', { usager: 'USG-0001', documentId: 'PPA-2026-7', transport: 'pdsm' })
    expect(terminal.text()).toContain('Partagez le document « Projet » (référence PPA-2026-7) dans le DMP de l\'usager PAT-TROIS DOMINIQUE (référence USG-0001)')
  })

  it('reads what the DUI shows after an INSi call, asking again on an answer it cannot read', async () => {
    const { terminal, driver } = manualDriver()
    const fetched = driver.trigger('identity.fetch-ins', { usager: 'USG-INS-0001' })
    await terminal.answer(/\? Réponse de l'INSi/, '00')
    await terminal.answer(/\? Statut de l'identité/, 'récupérée')
    await terminal.answer(/réponse non reconnue « récupérée » : attendu PROV, RECUP, VALI, QUAL\n\? Statut de l'identité/, 'recup')
    await terminal.answer(/\? Matricule INS/, '297022A02077878')
    await terminal.answer(/\? Nature de l'INS/, 'NIR')
    await terminal.answer(/\? Nom de naissance/, 'ADRTROIS')
    await terminal.answer(/\? Premier prénom/, 'DOMINIQUE')
    await terminal.answer(/\? Prénoms de naissance/, 'DOMINIQUE')
    await terminal.answer(/\? Sexe/, 'F')
    await terminal.answer(/\? Date de naissance/, '02/02/1997')
    await terminal.answer(/\? Lieu de naissance/, '2A020')
    expect((await fetched).result).toEqual({
      ok: true,
      result: {
        outcome: 'found',
        cr: '00',
        status: 'RECUP',
        ins: { value: '297022A02077878', oid: '1.2.250.1.213.1.4.8' },
        traits: { birthFamilyName: 'ADRTROIS', firstBirthGivenName: 'DOMINIQUE', birthGivenNames: 'DOMINIQUE', sex: 'F', birthDate: '1997-02-02', birthPlaceCode: '2A020' },
      },
    })
    const notFound = driver.trigger('identity.fetch-ins', { usager: 'USG-INS-0003' })
    await terminal.answer(/\? Réponse de l'INSi/, '01')
    await terminal.answer(/\? Statut de l'identité/, 'PROV')
    expect((await notFound).result).toEqual({ ok: true, result: { outcome: 'not-found', cr: '01', status: 'PROV' } })
  })

  it('turns « ! » followed by the message shown into the DUI\'s failure, never a success', async () => {
    const { terminal, driver } = manualDriver()
    const login = driver.trigger('psc.login', {})
    await terminal.answer(/\? Le DUI a-t-il ouvert la session/, '!jeton refusé : acr insuffisant')
    const outcome = await login
    expect(outcome.result).toEqual({ ok: false, error: 'jeton refusé : acr insuffisant' })
    expect(JSON.parse(outcome.call.responseBody!)).toEqual(outcome.result)
    const refused = driver.trigger('psc.login', {})
    await terminal.answer(/\? Le DUI a-t-il ouvert la session/, 'n')
    await terminal.answer(/\? Message affiché par le DUI/, 'audience invalide')
    expect((await refused).result).toEqual({ ok: false, error: 'audience invalide' })
  })

  it('collects the mailbox report line by line until an empty line', async () => {
    const { terminal, driver } = manualDriver()
    const fetched = driver.trigger('mssante.fetch', {})
    await terminal.answer(/\? Message 1/, 'document <a@x> USG-MSS-03')
    await terminal.answer(/\? Message 2/, 'n\'importe quoi')
    await terminal.answer(/ligne non reconnue[^\n]*\n\? Message 2/, 'accuse <m@x> <a@x>')
    await terminal.answer(/\? Message 3/, '')
    expect((await fetched).result).toEqual({ ok: true, result: { messages: [{ kind: 'document', messageId: '<a@x>', usager: 'USG-MSS-03' }, { kind: 'mdn', messageId: '<m@x>', originalMessageId: '<a@x>' }] } })
  })
})

describe('manual checks in a scenario', () => {
  let mocks: RunningMocks
  let evidence: EvidenceStore
  beforeAll(async () => {
    evidence = new EvidenceStore(mkdtempSync(join(tmpdir(), 'manual-check-')))
    mocks = await startMocks({ evidence })
  })
  afterAll(async () => {
    await mocks.close()
  })

  const scenario = defineScenario({
    id: 'manual-sample',
    title: 'Exemple',
    description: '',
    section: 'MSS',
    verifies: [],
    steps: [step('le banc prépare l\'exemple sans rien demander', { verifies: [], run: () => {} }), manualCheck('MSS-013', 'le message envoyé est marqué comme reçu')],
  })

  it('pauses for the operator in manual mode, keeps the remark, and never passes', async () => {
    const { terminal, driver } = manualDriver()
    const run = runScenarios([scenario], { runId: 'r', driver, capabilities: { name: 'm', actions: MANUAL_ACTIONS }, mocks, evidence, reporters: [], signal: new AbortController().signal })
    await terminal.until(/▷ Vérification manuelle MSS-013 : regardez le DUI et capturez l'écran qui montre que le message envoyé est marqué comme reçu\./)
    await terminal.answer(/\? Appuyez sur Entrée quand la capture est faite/, 'capture-013.png')
    const [result] = await run
    const check = result!.steps[1]!
    expect(check).toMatchObject({ verdict: 'skip', optional: true, requirements: ['MSS-013'] })
    expect(check.message).toBe('preuve manuelle attendue (MSS-013) : le message envoyé est marqué comme reçu (l\'opérateur note : « capture-013.png »)')
    expect(check.evidence).toHaveLength(1)
    // An optional manual check neither fails nor skips its scenario.
    expect(result!.verdict).toBe('pass')
    const coverage = computeCoverage(loadCatalogue(), [result!]).find((c) => c.id === 'MSS-013')!
    expect(coverage).toMatchObject({ status: 'manual', verifiedBy: ['manual-sample/manual-mss-013'] })
    expect(coverage.note).toMatch(/^preuve manuelle attendue : Capture d'écran des messages envoyés/)
  })

  it('records the expected proof without asking a candidate that has no operator', async () => {
    const stub = await startStubCandidate({ 'identity.create': () => ({}) })
    try {
      const driver = new HttpDriver(stub.url)
      const [result] = await runScenarios([scenario], { runId: 'r', driver, capabilities: await driver.capabilities(), mocks, evidence, reporters: [], signal: new AbortController().signal })
      expect(result!.steps[1]).toMatchObject({ verdict: 'skip', message: 'preuve manuelle attendue (MSS-013) : le message envoyé est marqué comme reçu', evidence: [] })
      expect(stub.calls).toEqual([])
    } finally {
      await stub.close()
    }
  })
})
