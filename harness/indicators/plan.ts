import { formatDay, NO_DAY, parseDay, subtractMonths } from './day.ts'
import { EVENT_KINDS, eventKindIndex } from './event-kind.ts'
import { INDICATOR_IDS } from './config.ts'
import type { IndicatorConfig, IndicatorId, IndicatorsConfig } from './config.ts'

/** Inclusive range of day numbers. */
export interface DayRange {
  readonly start: number
  readonly end: number
}

/** One indicator made concrete for a measurement date: day ranges and bit masks. */
export interface PlannedIndicator {
  readonly id: IndicatorId
  readonly config: IndicatorConfig
  /** The window: who is accompanied, and when an event makes a record active. */
  readonly window: DayRange
  /** Days in which a numerator event counts (the window, or everything up to its end). */
  readonly numeratorRange: DayRange
  /** Bits of the per-usager flags meaning "active in this window" (any set bit). */
  readonly activeMask: Uint32Array
  /** Bits meaning "has a numerator event"; equals activeMask when the numerator is 'active'. */
  readonly numeratorMask: Uint32Array
}

/**
 * The computation plan: each (day range, event kind) pair some indicator needs gets one bit of
 * the per-usager flags, so an event only sets bits and the whole state stays a few words per usager.
 */
export interface ComputationPlan {
  readonly at: number
  readonly indicators: readonly PlannedIndicator[]
  /** 32-bit words of flags per usager. */
  readonly words: number
  /** Per event kind index: flat [start, end, word, bit, ...] quadruples to test and set. */
  readonly checksByKind: readonly Int32Array[]
}

/** Parses `--at` (YYYY-MM-DD); NaN when invalid. */
export function parseMeasurementDate(text: string): number {
  return text.length === 10 ? parseDay(text) : NaN
}

/** The window of a config for a measurement date: it ends the day before `--at`, shifted back if asked. */
export function windowRange(at: number, window: IndicatorConfig['window']): DayRange {
  const endExclusive = subtractMonths(at, window.endMonthsBefore)
  return { start: subtractMonths(endExclusive, window.months), end: endExclusive - 1 }
}

export function buildPlan(config: IndicatorsConfig, at: number): ComputationPlan {
  const bits = new Map<string, number>()
  const pairs: { range: DayRange; kind: number }[] = []
  const bitOf = (range: DayRange, kind: number): number => {
    const key = `${range.start}:${range.end}:${kind}`
    let bit = bits.get(key)
    if (bit === undefined) {
      bit = pairs.length
      bits.set(key, bit)
      pairs.push({ range, kind })
    }
    return bit
  }
  const drafts = INDICATOR_IDS.map((id) => {
    const indicatorConfig = config.indicators[id]
    const window = windowRange(at, indicatorConfig.window)
    const activeBits = config.activeEventKinds.map((kind) => bitOf(window, eventKindIndex(kind)))
    const numerator = indicatorConfig.numerator
    const numeratorRange = numerator !== 'active' && numerator.since === 'any-time' ? { start: NO_DAY, end: window.end } : window
    const numeratorBits = numerator === 'active' ? activeBits : numerator.eventKinds.map((kind) => bitOf(numeratorRange, eventKindIndex(kind)))
    return { id, config: indicatorConfig, window, numeratorRange, activeBits, numeratorBits }
  })
  const words = Math.max(1, Math.ceil(pairs.length / 32))
  const mask = (list: readonly number[]): Uint32Array => {
    const m = new Uint32Array(words)
    for (const bit of list) m[bit >>> 5]! |= 1 << (bit & 31)
    return m
  }
  const checksByKind = EVENT_KINDS.map((_, kind) => {
    const own = pairs.map((pair, bit) => ({ ...pair, bit })).filter((pair) => pair.kind === kind)
    return Int32Array.from(own.flatMap((p) => [p.range.start, p.range.end, p.bit >>> 5, 1 << (p.bit & 31)]))
  })
  return {
    at,
    words,
    checksByKind,
    indicators: drafts.map((d) => ({
      id: d.id,
      config: d.config,
      window: d.window,
      numeratorRange: d.numeratorRange,
      activeMask: mask(d.activeBits),
      numeratorMask: mask(d.numeratorBits),
    })),
  }
}

/** `du 2025-01-01 au 2025-03-31` for rules and tables. */
export function describeRange(range: DayRange): string {
  return range.start === NO_DAY ? `jusqu'au ${formatDay(range.end)} inclus` : `du ${formatDay(range.start)} au ${formatDay(range.end)} inclus`
}
