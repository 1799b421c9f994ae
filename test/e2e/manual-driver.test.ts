import type { ChildProcessByStdio } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { afterEach, describe, expect, it } from 'vitest'
import { allActions } from '../../examples/reference-dui/actions/index.ts'
import { Dui, type SessionEndpoints } from '../../examples/reference-dui/dui.ts'
import type { RunReport } from '../../harness/core/report.ts'
import { socialDocumentType } from '../../scenarios/fixtures/document-types.ts'
import { dominiqueQualified } from '../../scenarios/fixtures/identities.ts'
import { spawnCli } from '../helpers/cli.ts'
import { scriptedTerminal } from '../helpers/scripted-terminal.ts'

type Child = ChildProcessByStdio<Writable, Readable, Readable>
const children: Child[] = []
afterEach(() => {
  for (const child of children.splice(0)) child.kill()
})

/** `dui-harness run --candidate manual` in a child process, with a config giving the traffic timeout. */
function startManualRun(trafficMs: number) {
  const out = mkdtempSync(join(tmpdir(), 'run-manual-'))
  const config = join(out, 'config.json')
  writeFileSync(config, JSON.stringify({ timeouts: { trafficMs } }))
  const child = spawnCli(['run', '--candidate', 'manual', '--scenarios', 'dmp-feed-n1-qualified', '--out', out, '--config', config], { stdio: ['pipe', 'pipe', 'pipe'] }) as Child
  children.push(child)
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const report = () => {
    const runId = readdirSync(out).find((name) => name !== 'config.json')!
    return { dir: join(out, runId), report: JSON.parse(readFileSync(join(out, runId, 'report.json'), 'utf8')) as RunReport }
  }
  return { terminal: scriptedTerminal({ input: child.stdin, output: child.stdout }), exited, stderr: () => stderr, report }
}

describe('dui-harness run --candidate manual', () => {
  it('prints each action as a French instruction, reads the answers on stdin and judges the traffic the operator made the DUI send', async () => {
    const run = startManualRun(20_000)
    const { terminal } = run
    // The operator works in a DUI: here the reference DUI's own modules, in this process.
    const dui = new Dui()
    const actions = allActions(dui)

    await terminal.answer(/\? Nom du DUI testé/, 'DUI de test e2e')
    await terminal.answer(/\? Version du DUI testé/, '9.9')
    const [, endpoints] = await terminal.until(/Adresses au format JSON : (.*)\n/)
    dui.openSession(JSON.parse(endpoints!) as SessionEndpoints)

    const [create] = await terminal.until(/▷ Créez dans le DUI le dossier de l'usager [^\n]*\n/)
    expect(create).toContain('INS 279035121518989 (OID 1.2.250.1.213.1.4.10), statut de l\'identité : identité qualifiée')
    await actions['identity.create']!({ usager: dominiqueQualified })
    await terminal.answer(/\? Appuyez sur Entrée quand le dossier de l'usager est enregistré/, '')

    const [, title] = await terminal.until(/▷ Produisez pour l'usager PAT-TROIS DOMINIQUE \(référence USG-0001\) le document « ([^»]+) »/)
    const produced = await actions['document.produce']!({ usager: 'USG-0001', title: title!, typeCode: socialDocumentType })
    await terminal.answer(/\? Référence du document/, String(produced['documentId']))

    const [, reference] = await terminal.until(/▷ Partagez le document « [^»]+ » \(référence (\S+)\) dans le DMP de l'usager PAT-TROIS DOMINIQUE \(référence USG-0001\) par le service FHIR PDSm/)
    await actions['dmp.share']!({ documentId: reference!, transport: 'pdsm' })

    expect(await run.exited, run.stderr()).toBe(0)
    const { dir, report } = run.report()
    expect(report.candidate).toEqual({ name: 'DUI de test e2e', version: '9.9', driver: 'manual' })
    expect(report.scenarios[0]!.steps.map((s) => s.verdict)).toEqual(['pass', 'pass', 'pass'])
    expect(report.coverage.find((c) => c.id === 'DMP-001')!.status).toBe('verified')
    // Each instruction and answer is evidence, like the HTTP driver's calls.
    expect(report.evidence.filter((e) => e.source === 'driver').map((e) => e.summary)).toEqual(
      expect.arrayContaining(['MANUAL /actions/identity.create → 200 (identity.create)', 'MANUAL /actions/dmp.share → sans réponse (dmp.share)']),
    )
    // Requirements the wire cannot show are in the reports as « preuve manuelle attendue ».
    const doc002 = report.coverage.find((c) => c.id === 'DOC-002')!
    expect(doc002).toMatchObject({ automation: 'manual', status: 'manual' })
    expect(doc002.note).toMatch(/^preuve manuelle attendue : Le banc ne voit pas ce que le DUI fait avant l'envoi/)
    const html = readFileSync(join(dir, 'report.html'), 'utf8')
    expect(html).toMatch(/<section id="preuves-manuelles">[\s\S]*<tr id="manuel-DOC-002" data-id="DOC-002">[\s\S]*preuve manuelle attendue<\/span><br>Le banc ne voit pas/)
    expect(readFileSync(join(dir, 'summary.md'), 'utf8')).toMatch(/- \*\*DOC-002\*\* — Validation des CDA avec le kit TEST-CONTENU-CDA avant envoi \(préconisation, réf\. officielle REC_2\.1-1080\) : preuve manuelle attendue — /)
  })

  it('fails the step with « aucune transaction reçue » when the operator does not make the DUI send anything', async () => {
    const run = startManualRun(1500)
    const { terminal } = run
    await terminal.answer(/\? Nom du DUI testé/, '')
    await terminal.answer(/\? Version du DUI testé/, '')
    await terminal.answer(/\? Appuyez sur Entrée quand le dossier de l'usager est enregistré/, '')
    await terminal.answer(/\? Référence du document/, '')
    await terminal.until(/▷ Partagez le document « [^»]+ » \(référence DOC-1\) dans le DMP[^\n]*\n {2}\(le banc attend maintenant ce que le DUI envoie\)/)

    expect(await run.exited, run.stderr()).toBe(3)
    const share = run.report().report.scenarios[0]!.steps[2]!
    expect(share).toMatchObject({ id: 'dmp-feed-n1-qualified/share-iti65', verdict: 'fail', message: 'aucune transaction ITI-65 reçue par le DMP pour l\'INS 279035121518989' })
    expect(terminal.text()).toMatch(/✖ le DUI partage le document dans le DMP par une transaction ITI-65 conforme \[échec, \d+ ms\] — aucune transaction ITI-65 reçue/)
  })
})
