import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, test } from 'vitest'
import { computeIndicators, DEFAULT_CONFIG, IndicatorsInputError, resolveConfig } from '../../../harness/indicators/index.ts'
import { writeTemp } from './helpers.ts'

const at = '2025-04-01'

/** A gzip file cut in the middle: its trailer (CRC, size) is gone. */
function truncated(gzip: Buffer): Buffer {
  return gzip.subarray(0, Math.floor(gzip.length / 2))
}

describe('bad rows are counted and listed with file and line, never used', () => {
  test('every reason, in CSV and NDJSON', async () => {
    const [usagers, events, ndjson] = writeTemp({
      'usagers.csv': [
        'usager_id,finess,admission_date,exit_date',
        'A1,010000001,2024-01-01,', // line 2: good
        'A2,01000001,2024-01-01,', // 3: FINESS of 8 characters
        'A3,010000001,2024-02-30,', // 4: no such date
        'A4,010000001,2024-05-01,2024-04-01', // 5: exit before admission
        'A1,010000001,2024-01-01,', // 6: duplicate record
        ',010000001,2024-01-01,', // 7: no id
        'A5,010000001,2024-01-01', // 8: a column missing
        '', // 9: blank line, skipped
        'A6,2A0000001,2024-01-01,', // 10: good (Corsica)
      ].join('\n'),
      'events.csv': [
        'usager_id,kind,date',
        'A1,record-update,2025-02-01', // 2: good
        'A1,record_update,2025-02-01', // 3: unknown kind
        'A1,record-update,01/02/2025', // 4: French date format
        'A9,record-update,2025-02-01', // 5: unknown record
        'A1,record-update,2025-02-01,extra', // 6: too many columns
        'A1,"record-update,2025-02-01', // 7: unclosed quote
        'A2,record-update,2025-02-01', // 8: record rejected above, so unknown
      ].join('\n'),
      'events.ndjson': [
        '{"usager_id":"A6","kind":"dmp-feed","date":"2025-03-01"}', // 1: good
        '{"usager_id":"A6","kind":"dmp-feed"', // 2: broken JSON
        '[1,2]', // 3: not an object
        '{"usager_id":"A6","kind":"dmp-feed","date":20250301}', // 4: date not a string
        '{"kind":"dmp-feed","date":"2025-03-01"}', // 5: no id
      ].join('\n'),
    })
    const config = resolveConfig({ maxListedBadRows: 100 })
    const report = await computeIndicators([usagers!, events!, ndjson!], { at, config })
    const listed = report.input.badRows.listed.map((r) => `${r.file.split('/').pop()}:${r.line} ${r.reason}`)
    expect(listed).toEqual([
      'usagers.csv:3 finess-invalid',
      'usagers.csv:4 date-invalid',
      'usagers.csv:5 exit-before-admission',
      'usagers.csv:6 usager-duplicate',
      'usagers.csv:7 usager-id-missing',
      'usagers.csv:8 column-count',
      'events.csv:3 kind-unknown',
      'events.csv:4 date-invalid',
      'events.csv:5 usager-unknown',
      'events.csv:6 column-count',
      'events.csv:7 column-count',
      'events.csv:8 usager-unknown',
      'events.ndjson:2 json-invalid',
      'events.ndjson:3 json-invalid',
      'events.ndjson:4 date-invalid',
      'events.ndjson:5 usager-id-missing',
    ])
    expect(report.input.badRows.total).toBe(16)
    expect(report.input.badRows.byReason).toMatchObject({ 'usager-unknown': 2, 'column-count': 3, 'json-invalid': 2 })
    expect(report.input.files.map((f) => f.badRows)).toEqual([6, 6, 4])
    expect(report.input.badRows.listed[0]).toMatchObject({ text: 'A2,01000001,2024-01-01,', message: expect.stringMatching(/FINESS/) })
    expect(report.input.usagers).toBe(2)
    expect(report.input.events).toBe(2)
  })

  test('beyond maxListedBadRows, rows are still counted', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `Z${i},bogus,2025-01-01`)
    const files = writeTemp({ 'u.csv': 'usager_id,finess,admission_date\n', 'e.csv': `usager_id,kind,date\n${rows.join('\n')}\n` })
    const report = await computeIndicators(files, { at, config: resolveConfig({ maxListedBadRows: 3 }) })
    expect(report.input.badRows.total).toBe(50)
    expect(report.input.badRows.listed.map((r) => r.line)).toEqual([2, 3, 4])
  })
})

describe('a file that is not the format stops everything (exit 4 in the CLI)', () => {
  const usagers = 'usager_id,finess,admission_date\nA1,010000001,2024-01-01\n'
  const cases: Record<string, string | Buffer> = {
    'unknown header': 'id,name,birth\n1,x,2000-01-01\n',
    'empty file': '',
    'plain text': 'Bonjour, ceci est un courrier.\n',
    'JSON without the keys': '{"id":"A1"}\n',
    'broken JSON first line': '{"usager_id":\n',
    'PNG bytes': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
    'truncated gzip': truncated(gzipSync(`usager_id,kind,date\n${'A1,record-update,2025-02-01\n'.repeat(20_000)}`)),
  }
  for (const [name, content] of Object.entries(cases)) {
    test(name, async () => {
      const files = writeTemp({ 'usagers.csv': usagers, 'suspect.dat': content })
      await expect(computeIndicators(files, { at, config: DEFAULT_CONFIG })).rejects.toThrow(IndicatorsInputError)
    })
  }

  test('the message names the file', async () => {
    const files = writeTemp({ 'usagers.csv': usagers, 'rapport.txt': 'hello\n' })
    await expect(computeIndicators(files, { at, config: DEFAULT_CONFIG })).rejects.toThrow(/rapport\.txt : en-tête non reconnu/)
  })

  test('no usager file, missing file, bad --at', async () => {
    const [events] = writeTemp({ 'e.csv': 'usager_id,kind,date\n' })
    await expect(computeIndicators([events!], { at, config: DEFAULT_CONFIG })).rejects.toThrow(/aucun fichier usagers/)
    await expect(computeIndicators(['/nonexistent/x.csv'], { at, config: DEFAULT_CONFIG })).rejects.toThrow(/illisible/)
    await expect(computeIndicators([events!], { at: '01/04/2025', config: DEFAULT_CONFIG })).rejects.toThrow(/date de mesure/)
  })
})

describe('configuration', () => {
  test('unknown keys, bad values and duplicated FINESS are input errors', () => {
    expect(() => resolveConfig({ thresholds: {} })).toThrow(/thresholds/)
    expect(() => resolveConfig({ indicators: { 'dmp-use': { taget: 70 } } })).toThrow(/taget/)
    expect(() => resolveConfig({ indicators: { 'dmp-usage': {} } })).toThrow(IndicatorsInputError)
    expect(() => resolveConfig({ indicators: { 'dmp-use': { target: 170 } } })).toThrow(/target/)
    expect(() => resolveConfig({ activeEventKinds: ['update'] })).toThrow(IndicatorsInputError)
    expect(() => resolveConfig({ projects: [{ id: 'P', finess: ['12345'] }] })).toThrow(/pattern/)
    expect(() =>
      resolveConfig({ projects: [{ id: 'P', finess: ['010000001'] }, { id: 'Q', finess: ['010000001'] }] }),
    ).toThrow(/dans deux projets/)
  })

  test('a top-level window applies to every indicator not overriding it', () => {
    const config = resolveConfig({ window: { months: 6 }, indicators: { 'dmp-use': { window: { months: 3 } } } })
    expect(config.indicators['active-records'].window).toEqual({ months: 6, endMonthsBefore: 0 })
    expect(config.indicators['dmp-use'].window).toEqual({ months: 3, endMonthsBefore: 0 })
    expect(config.indicators['dmp-use'].target).toBe(70)
  })
})

describe('docs/indicators-export.md', () => {
  test('its configuration example is valid', () => {
    const doc = readFileSync(new URL('../../../docs/indicators-export.md', import.meta.url), 'utf8')
    const section = doc.slice(doc.indexOf('## 4. Configuration'))
    const example = /```json\n([\s\S]*?)```/.exec(section)?.[1]
    expect(example).toBeDefined()
    const config = resolveConfig(JSON.parse(example!.replace('"…"', '"Projet"')))
    expect(config.indicators['mssante-use'].window).toEqual({ months: 3, endMonthsBefore: 3 })
  })
})
