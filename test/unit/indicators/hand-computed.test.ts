import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { computeIndicators, DEFAULT_CONFIG, IndicatorsInputError, resolveConfig } from '../../../harness/indicators/index.ts'
import { fractions, handDir, handFiles, writeTemp } from './helpers.ts'

// Expected figures worked out by hand in test/fixtures/indicators/hand-computed/README.md.
describe('hand-computed export, --at 2025-04-01 (window 2025-01-01 .. 2025-03-31)', async () => {
  const report = await computeIndicators(handFiles, { at: '2025-04-01', config: DEFAULT_CONFIG })
  const essmsA = report.essms.find((e) => e.finess === '010000001')!
  const essmsB = report.essms.find((e) => e.finess === '010000002')!

  test('reads every row: 9 records, 30 events, no bad row', () => {
    expect(report.input.usagers).toBe(9)
    expect(report.input.events).toBe(30)
    expect(report.input.badRows.total).toBe(0)
    expect(report.indicators[0]!.window).toEqual({ start: '2025-01-01', end: '2025-03-31' })
    expect(report.indicators[1]!.numeratorRange).toEqual({ end: '2025-03-31' })
  })

  test('ESSMS A: window edges, exits inside the window, duplicates, no events, admission on --at', () => {
    // Accompanied: U1 U2 U5 U6 U7 (U3 left the day before the window, U4 admitted on --at).
    expect(essmsA.usagers).toBe(7)
    expect(essmsA.accompanied).toBe(5)
    // Active: U1 U2 (duplicate update counted once) U7 (update on the first day); not U5 (no events), not U6 (no update).
    expect(fractions(essmsA.indicators)).toEqual(['3/5', '3/3', '2/3', '1/3', '2/3'])
    expect(essmsA.indicators.map((r) => r.status)).toEqual(['not-met', 'met', 'not-met', 'not-met', 'not-met'])
    expect(essmsA.indicators.map((r) => r.missingRecords)).toEqual([2, 0, 1, 2, 1])
    expect(essmsA.indicators.map((r) => r.rate)).toEqual([60, 100, 66.67, 33.33, 66.67])
    expect(essmsA.indicators[0]!.marginPoints).toBe(-30)
    expect(essmsA.verdict).toEqual({ met: false, notMet: ['active-records', 'agenda-event', 'mssante-use', 'dmp-use'] })
  })

  test('ESSMS B (NDJSON, one exit inside the window) meets every target', () => {
    expect(fractions(essmsB.indicators)).toEqual(['2/2', '2/2', '2/2', '2/2', '2/2'])
    expect(essmsB.verdict.met).toBe(true)
  })

  test('implicit project pools numerators and denominators', () => {
    expect(report.projects).toHaveLength(1)
    const project = report.projects[0]!
    expect(project.implicit).toBe(true)
    expect(fractions(project.indicators)).toEqual(['5/7', '5/5', '4/5', '3/5', '4/5'])
    expect(project.indicators.map((r) => r.status)).toEqual(['not-met', 'met', 'not-met', 'not-met', 'met'])
    expect(project.essmsMeetingAll).toBe(1)
    expect(project.warnings[0]).toMatch(/moins que le minimum de 15/)
    expect(report.verdict.met).toBe(false)
  })

  test('says the definitions are unverified defaults', () => {
    expect(report.definitions).toMatchObject({ origin: 'defaults', verified: false })
    expect(report.definitions.notice).toMatch(/NON VÉRIFIÉES/)
    expect(report.rules.length).toBeGreaterThan(5)
    expect(report.schemaVersion).toBe(1)
  })
})

describe('file handling', () => {
  test('gzip is detected by content, files may come in any order and be split', async () => {
    const [eventsB, eventsA1, eventsA2] = writeTemp({
      'events-b.data': gzipSync(readFileSync(join(handDir, 'events-b.ndjson'))),
      'events-a1.csv': readFileSync(join(handDir, 'events-a.csv'), 'utf8').split('\n').slice(0, 8).join('\n'),
      'events-a2.csv.gz': gzipSync(['usager_id,kind,date', ...readFileSync(join(handDir, 'events-a.csv'), 'utf8').split('\n').slice(8)].join('\r\n')),
    })
    const files = [eventsB!, eventsA1!, eventsA2!, join(handDir, 'usagers-a.csv'), join(handDir, 'usagers-b.ndjson')]
    const report = await computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG })
    expect(report.input.files.map((f) => [f.kind, f.format, f.gzip])).toEqual([
      ['events', 'ndjson', true],
      ['events', 'csv', false],
      ['events', 'csv', true],
      ['usagers', 'csv', false],
      ['usagers', 'ndjson', false],
    ])
    expect(report.input.events).toBe(30)
    expect(fractions(report.projects[0]!.indicators)).toEqual(['5/7', '5/5', '4/5', '3/5', '4/5'])
  })

  test('semicolon separator, BOM, quoted fields and spaces', async () => {
    const files = writeTemp({
      'u.csv': '\uFEFFusager_id;finess;admission_date;exit_date\n"X;1";010000003;2025-01-10;\n X2 ; 010000003 ;2024-01-01;\n',
      'e.csv': 'date;usager_id;kind\n2025-02-01;"X;1";record-update\n2025-02-01; X2 ;record-update\n',
    })
    const report = await computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG })
    expect(report.input.badRows.total).toBe(0)
    expect(fractions(report.essms[0]!.indicators).slice(0, 1)).toEqual(['2/2'])
  })

  test('rows across read-chunk boundaries (1 MiB chunks) are read whole', async () => {
    const rows = Array.from({ length: 60_000 }, (_, i) => `L${i},record-update,2025-02-0${(i % 9) + 1}`)
    const files = writeTemp({
      'u.csv': `usager_id,finess,admission_date\n${Array.from({ length: 60_000 }, (_, i) => `L${i},010000004,2024-01-01`).join('\n')}`,
      'e.csv.gz': gzipSync(`usager_id,kind,date\n${rows.join('\n')}`),
    })
    const report = await computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG })
    expect(report.input.badRows.total).toBe(0)
    expect(report.input.events).toBe(60_000)
    expect(report.essms[0]!.indicators[0]).toMatchObject({ numerator: 60_000, denominator: 60_000 })
  })
})

describe('configured definitions', () => {
  test('denominator "accompanied" and lower targets change the figures and the verdict', async () => {
    const config = resolveConfig({
      indicators: {
        'mssante-use': { denominator: 'accompanied', target: 10 },
        'active-records': { target: 50 },
        'agenda-event': { target: 60 },
        'dmp-use': { target: 60 },
      },
      activeEventKinds: ['record-update', 'agenda-event'],
    })
    const report = await computeIndicators(handFiles, { at: '2025-04-01', config, configFile: 'test.json' })
    const essmsA = report.essms.find((e) => e.finess === '010000001')!
    // U6 (agenda event in the window) is now active; MSSanté over the 5 accompanied: U1 and U6.
    expect(fractions(essmsA.indicators)).toEqual(['4/5', '3/4', '3/4', '2/5', '3/4'])
    expect(essmsA.verdict.met).toBe(false) // personalised project: 3/4 < 90 %
    expect(report.definitions).toMatchObject({ origin: 'configured', configFile: 'test.json' })
  })

  test('a window shifted 3 months back (the "3 to 6 months" reading)', async () => {
    const config = resolveConfig({ indicators: { 'dmp-use': { window: { endMonthsBefore: 3 } } } })
    const report = await computeIndicators(handFiles, { at: '2025-04-01', config })
    expect(report.indicators[4]!.window).toEqual({ start: '2024-10-01', end: '2024-12-31' })
    const essmsA = report.essms.find((e) => e.finess === '010000001')!
    // Accompanied Oct-Dec 2024: U1 U2 U3 U6 U7; active there (update in the window): nobody.
    expect(fractions(essmsA.indicators)[4]).toBe('0/0')
    expect(essmsA.indicators[4]!.status).toBe('not-computable')
  })

  test('projects group ESSMS; an ESSMS outside any project is reported', async () => {
    const config = resolveConfig({ projects: [{ id: 'P1', label: 'Projet un', finess: ['010000002', '010000009'] }], minEssmsPerProject: 2 })
    const report = await computeIndicators(handFiles, { at: '2025-04-01', config })
    expect(report.projects).toHaveLength(1)
    expect(report.projects[0]!.verdict.met).toBe(true)
    expect(report.projects[0]!.warnings).toEqual(['FINESS sans aucun dossier dans l’export : 010000009'])
    expect(report.essms.map((e) => e.project)).toEqual([null, 'P1'])
    expect(report.verdict.met).toBe(true)
  })
})

describe('worker threads', () => {
  test('reading event files in 2 threads gives the same report as in one', async () => {
    const [bad] = writeTemp({ 'events-bad.csv': 'usager_id,kind,date\nU1,oops,2025-01-01\nV1,record-update,2025-13-01\n' })
    const files = [...handFiles, bad!]
    const one = await computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG })
    const two = await computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG, threads: 2 })
    expect(two).toEqual(one)
    expect(two.input.badRows.total).toBe(2)
  })

  test('a bad file read by a worker is still an input error', async () => {
    // The header line decodes (the main thread peeks at it), the rest is cut: the worker fails.
    const gzip = gzipSync(`usager_id,kind,date\n${Array.from({ length: 50_000 }, (_, i) => `U${i},record-update,2025-02-01`).join('\n')}`)
    const [bad] = writeTemp({ 'e.csv.gz': gzip.subarray(0, gzip.length >> 1) })
    const files = [...handFiles, bad!]
    await expect(computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG, threads: 2 })).rejects.toThrow(/gzip corrompu ou tronqué/)
  })
})
