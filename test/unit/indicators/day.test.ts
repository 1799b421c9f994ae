import { describe, expect, test } from 'vitest'
import { daysFromCivil, formatDay, parseDay, parseDayBytes, subtractMonths } from '../../../harness/indicators/day.ts'
import { parseMeasurementDate, windowRange } from '../../../harness/indicators/plan.ts'

describe('days', () => {
  test('parse dates and date-times, by the calendar date written', () => {
    expect(parseDay('1970-01-01')).toBe(0)
    expect(parseDay('2024-02-29')).toBe(daysFromCivil(2024, 2, 29))
    expect(parseDay('2025-03-31T23:59:00+02:00')).toBe(parseDay('2025-03-31'))
    expect(parseDay('2025-03-31T22:30:00.000Z')).toBe(parseDay('2025-03-31'))
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '31/03/2025', '2025-03-31 10:00', '2025-03-31Tx', '']) {
      expect(parseDay(bad), bad).toBeNaN()
    }
    const buf = Buffer.from('x,2025-03-31T10:00Z,y')
    expect(parseDayBytes(buf, 2, 19)).toBe(parseDay('2025-03-31'))
  })

  test('months back, clamped to the end of the month', () => {
    expect(formatDay(subtractMonths(parseDay('2025-05-31'), 3))).toBe('2025-02-28')
    expect(formatDay(subtractMonths(parseDay('2024-05-31'), 3))).toBe('2024-02-29')
    expect(formatDay(subtractMonths(parseDay('2025-01-15'), 3))).toBe('2024-10-15')
  })

  test('the window ends the day before --at', () => {
    const at = parseMeasurementDate('2025-04-01')
    const view = (r: { start: number; end: number }): string[] => [formatDay(r.start), formatDay(r.end)]
    expect(view(windowRange(at, { months: 3, endMonthsBefore: 0 }))).toEqual(['2025-01-01', '2025-03-31'])
    expect(view(windowRange(at, { months: 3, endMonthsBefore: 3 }))).toEqual(['2024-10-01', '2024-12-31'])
    expect(view(windowRange(parseMeasurementDate('2025-05-31'), { months: 3, endMonthsBefore: 0 }))).toEqual(['2025-02-28', '2025-05-30'])
    expect(parseMeasurementDate('2025-04-01T00:00')).toBeNaN()
  })
})
