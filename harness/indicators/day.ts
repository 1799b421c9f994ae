/**
 * Calendar days as integers (days since 1970-01-01), so per-usager state fits typed arrays and
 * comparisons are integer compares. Only the calendar date written in a value is used: a time
 * or an offset after it is checked for shape but never converted (docs/indicators-export.md).
 */

/** Sentinel for "no date" (an open stay) and for "since the beginning of time". */
export const NO_DAY = -0x80000000
export const MAX_DAY = 0x7fffffff

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

function digit(code: number): number {
  const d = code - 48
  return d >= 0 && d <= 9 ? d : NaN
}

// A time part after the date: 'T' then digits, ':', '.', 'Z', '+', '-' (at most 25 characters).
function isTimeCode(code: number): boolean {
  return (code >= 48 && code <= 58) || code === 46 || code === 90 || code === 43 || code === 45
}

function fromParts(y: number, m: number, d: number): number {
  if (Number.isNaN(y + m + d) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN
  return daysFromCivil(y, m, d)
}

/** Parses `YYYY-MM-DD` or `YYYY-MM-DDThh:mm...` from bytes; NaN when invalid. */
export function parseDayBytes(buf: Uint8Array, start: number, end: number): number {
  const length = end - start
  if (length < 10 || buf[start + 4] !== 45 || buf[start + 7] !== 45) return NaN
  if (length > 10) {
    if (buf[start + 10] !== 84 || length > 35) return NaN
    for (let i = start + 11; i < end; i++) if (!isTimeCode(buf[i]!)) return NaN
  }
  const y = digit(buf[start]!) * 1000 + digit(buf[start + 1]!) * 100 + digit(buf[start + 2]!) * 10 + digit(buf[start + 3]!)
  const m = digit(buf[start + 5]!) * 10 + digit(buf[start + 6]!)
  const d = digit(buf[start + 8]!) * 10 + digit(buf[start + 9]!)
  return fromParts(y, m, d)
}

/** Same as parseDayBytes, on a string. */
export function parseDay(text: string): number {
  const length = text.length
  if (length < 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return NaN
  if (length > 10) {
    if (text.charCodeAt(10) !== 84 || length > 35) return NaN
    for (let i = 11; i < length; i++) if (!isTimeCode(text.charCodeAt(i))) return NaN
  }
  const y = digit(text.charCodeAt(0)) * 1000 + digit(text.charCodeAt(1)) * 100 + digit(text.charCodeAt(2)) * 10 + digit(text.charCodeAt(3))
  return fromParts(y, digit(text.charCodeAt(5)) * 10 + digit(text.charCodeAt(6)), digit(text.charCodeAt(8)) * 10 + digit(text.charCodeAt(9)))
}

/** `YYYY-MM-DD` of a day number. */
export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10)
}

/** The same day of month `months` months earlier, clamped to the month's last day (31 May − 3 = 28 Feb). */
export function subtractMonths(day: number, months: number): number {
  const date = new Date(day * 86_400_000)
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() - months
  const year = Math.floor(total / 12)
  const month = total - year * 12 + 1
  return daysFromCivil(year, month, Math.min(date.getUTCDate(), daysInMonth(year, month)))
}
