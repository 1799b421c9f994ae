import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'
import type { IndicatorsReport } from '../../harness/indicators/index.ts'
import { runCli } from '../helpers/cli.ts'

const fixtures = 'test/fixtures/indicators/hand-computed'
const hand = ['usagers-a.csv', 'usagers-b.ndjson', 'events-a.csv', 'events-b.ndjson'].map((f) => `${fixtures}/${f}`)

async function cli(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const result = await runCli(['indicators', ...args])
  return { status: result.code, stdout: result.stdout, stderr: result.stderr }
}

function temp(name: string, content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'dui-indicators-cli-')), name)
  writeFileSync(path, content)
  return path
}

// Each test spawns the CLI through tsx: seconds each, tens of seconds on a loaded machine.
describe('dui-harness indicators', { timeout: 180_000 }, () => {
  test('targets not met: exit 3, French table with rules and the unverified notice', async () => {
    const { status, stdout } = await cli(...hand, '--at', '2025-04-01')
    expect(status).toBe(3)
    expect(stdout).toContain('Indicateurs d’usage ESMS numérique — date de mesure 2025-04-01')
    expect(stdout).toContain('OBJECTIFS NON ATTEINTS')
    expect(stdout).toContain('Définitions NON VÉRIFIÉES')
    expect(stdout).toContain('Usager accompagné dans une fenêtre')
    expect(stdout).toMatch(/Taux de dossiers actifs\s+5\s+7\s+71,4 %\s+90 %\s+-18,6 pt\s+non atteint \(2 dossiers manquants\)/)
    expect(stdout).toMatch(/010000002 .* atteint/)
  })

  test('--json prints the IndicatorsReport', async () => {
    const { status, stdout } = await cli(...hand, '--at', '2025-04-01', '--json')
    expect(status).toBe(3)
    const report = JSON.parse(stdout) as IndicatorsReport
    expect(report.schemaVersion).toBe(1)
    expect(report.projects[0]!.indicators.map((r) => `${r.numerator}/${r.denominator}`)).toEqual(['5/7', '5/5', '4/5', '3/5', '4/5'])
    expect(report.definitions.verified).toBe(false)
  })

  test('targets met under a configured grouping: exit 0', async () => {
    const config = temp('config.json', JSON.stringify({ projects: [{ id: 'P1', finess: ['010000002'] }], minEssmsPerProject: 1 }))
    const { status, stdout } = await cli(...hand, '--at', '2025-04-01', '--config', config)
    expect(status).toBe(0)
    expect(stdout).toContain('OBJECTIFS ATTEINTS')
    expect(stdout).toContain(`Configuration : ${config}.`)
  })

  test('over-reporting against observed traffic: exit 3 and flagged', async () => {
    const usagers = temp('u.csv', 'usager_id,finess,admission_date,ins\nR1,010000001,2024-01-01,297022A020778\n')
    const events = temp('e.csv', 'usager_id,kind,date\nR1,record-update,2025-03-01\nR1,personalised-project,2025-03-01\nR1,agenda-event,2025-03-01\nR1,mssante-send,2025-03-01\nR1,dmp-feed,2025-03-01\nR1,dmp-feed,2025-03-02\n')
    const observed = temp('observed.json', JSON.stringify([
      { usager: '297022A020778', kind: 'dmp-feed', at: '2025-03-01T10:00:00Z' },
      { usager: '297022A020778', kind: 'mssante-send', at: '2025-03-01T10:00:00Z' },
    ]))
    const ok = await cli(usagers, events, '--at', '2025-04-01')
    expect(ok.status).toBe(0)
    const { status, stdout } = await cli(usagers, events, '--at', '2025-04-01', '--observed', observed)
    expect(status).toBe(3)
    expect(stdout).toContain('SUR-DÉCLARATION RELEVÉE')
    expect(stdout).toContain('Sur-déclaré : INS 297022A020778, alimentation du DMP : 2 exporté(s) pour 1 observé(s)')
  })

  test('bad rows are reported with file and line, and do not stop the command', async () => {
    const events = temp('events.csv', 'usager_id,kind,date\nU1,record-update,2025-02-10\nU1,oops,2025-02-10\n')
    const { status, stdout } = await cli(`${fixtures}/usagers-a.csv`, events, '--at', '2025-04-01')
    expect(status).toBe(3)
    expect(stdout).toContain('Lignes invalides : 1 (type d’évènement inconnu : 1).')
    expect(stdout).toContain(`${events}:3 : type d’évènement inconnu — U1,oops,2025-02-10`)
  })

  // One test per case: each spawns the CLI, which takes seconds on a busy machine.
  const notExport = temp('notes.txt', 'Compte rendu de réunion\n')
  const badInputs: [string, string[], RegExp][] = [
    ['not the format', [`${fixtures}/usagers-a.csv`, notExport, '--at', '2025-04-01'], /notes\.txt : en-tête non reconnu/],
    ['bad --at', [...hand, '--at', '2025-04-31'], /date de mesure « 2025-04-31 » invalide/],
    ['unknown config key', [...hand, '--at', '2025-04-01', '--config', temp('c.json', '{"targets":{}}')], /configuration des indicateurs invalide.*targets/],
    ['bad observed file', [...hand, '--at', '2025-04-01', '--observed', temp('o.json', '{"nope":1}')], /trafic observé invalide/],
    ['missing --at', [...hand], /--at/],
  ]
  for (const [name, args, message] of badInputs) {
    test(`bad input (${name}): exit 4 with one line, no stack trace`, async () => {
      const { status, stderr } = await cli(...args)
      expect(status).toBe(4)
      expect(stderr).toMatch(message)
      expect(stderr).not.toMatch(/\n\s+at /)
    })
  }
})
