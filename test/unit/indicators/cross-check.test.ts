import { describe, expect, test } from 'vitest'
import { computeIndicators, crossCheck, DEFAULT_CONFIG, parseObservedTraffic } from '../../../harness/indicators/index.ts'
import { writeTemp } from './helpers.ts'

const INS_A = '297022A020778'
const INS_B = '175126322111111'

describe('crossCheck', () => {
  test('more exported than observed is flagged; fewer is only listed', () => {
    const result = crossCheck(
      [
        { usager: INS_A, kind: 'dmp-feed', at: '2025-03-02' },
        { usager: INS_A, kind: 'dmp-feed', at: '2025-03-03' },
        { usager: INS_A, kind: 'mssante-send', at: '2025-03-02' },
        { usager: 'NOT-A-TEST-IDENTITY', kind: 'dmp-feed', at: '2025-03-02' },
      ],
      [
        { usager: INS_A, kind: 'dmp-feed', at: '2025-03-02T10:00:00Z' },
        { usager: INS_A, kind: 'mssante-send', at: '2025-03-02T11:00:00Z' },
        { usager: INS_B, kind: 'mssante-send', at: '2025-03-02T11:00:00Z' },
      ],
    )
    expect(result.identities).toBe(2)
    expect(result.flagged).toBe(true)
    expect(result.overReported).toEqual([
      { usager: INS_A, kind: 'dmp-feed', exported: 2, observed: 1, exportedDates: ['2025-03-02', '2025-03-03'], observedDates: ['2025-03-02'] },
    ])
    expect(result.underReported.map((f) => [f.usager, f.kind])).toEqual([[INS_B, 'mssante-send']])
    expect(result.exported).toBe(3)
    expect(result.observed).toBe(3)
  })

  test('matching traffic is not flagged', () => {
    const traffic = [{ usager: INS_A, kind: 'dmp-feed', at: '2025-03-02' }] as const
    expect(crossCheck(traffic, traffic).flagged).toBe(false)
  })

  test('observed file: array form, or identities + traffic; invalid shapes are input errors', () => {
    expect(parseObservedTraffic([{ usager: INS_A, kind: 'dmp-feed', at: '2025-03-02', evidence: 'e-1' }], 'x').identities).toEqual([INS_A])
    expect(parseObservedTraffic({ identities: [INS_B], traffic: [] }, 'x').identities).toEqual([INS_B])
    expect(() => parseObservedTraffic([{ usager: INS_A, kind: 'agenda-event', at: '2025-03-02' }], 'x')).toThrow(/trafic observé invalide/)
    expect(() => parseObservedTraffic([{ usager: INS_A, kind: 'dmp-feed', at: 'hier' }], 'x')).toThrow(/date/)
  })
})

describe('cross-check from an export', () => {
  test('the records of test identities are found by INS column or by id', async () => {
    const files = writeTemp({
      'u.csv': `usager_id,finess,admission_date,exit_date,ins\nR1,010000001,2024-01-01,,${INS_A}\n${INS_B},010000001,2024-01-01,,\nR3,010000001,2024-01-01,,\n`,
      'e.csv': [
        'usager_id,kind,date',
        'R1,record-update,2025-03-01',
        'R1,dmp-feed,2025-03-02',
        'R1,dmp-feed,2025-03-02', // exported twice, observed once: over-reporting
        `${INS_B},mssante-send,2025-03-02T09:00:00Z`,
        'R3,dmp-feed,2025-03-02', // not a test identity
      ].join('\n'),
    })
    const observed = parseObservedTraffic(
      [
        { usager: INS_A, kind: 'dmp-feed', at: '2025-03-02T10:00:00Z' },
        { usager: INS_B, kind: 'mssante-send', at: '2025-03-02T09:00:01Z' },
      ],
      'observed',
    )
    const report = await computeIndicators(files, { at: '2025-04-01', config: DEFAULT_CONFIG, observed })
    expect(report.crossCheck?.flagged).toBe(true)
    expect(report.crossCheck?.overReported.map((f) => [f.usager, f.kind, f.exported, f.observed])).toEqual([[INS_A, 'dmp-feed', 2, 1]])
    expect(report.crossCheck?.underReported).toEqual([])
    expect(report.verdict.met).toBe(false)
    expect(report.verdict.summary).toMatch(/Sur-déclaration/)
  })
})
