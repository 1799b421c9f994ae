// The result protocol between each benchmark and bench/run-all.ts: a bench prints its human-readable
// lines as it likes, then its figures as ONE last line `BENCH-RESULT {json}`. run-all.ts parses it
// into bench/results.json and the single table of figures (docs/benchmarks.md).

export const BENCH_RESULT_PREFIX = 'BENCH-RESULT '

/** One measured figure, next to the reference it is compared with (when there is one). */
export interface BenchFigure {
  /** What is measured, in French, e.g. « simulateur DMP, ITI-65, 16 clients ». */
  readonly figure: string
  readonly value: number
  /** e.g. `req/s`, `doc/s`, `s`, `ms`, `Mo`. The reference value is in the same unit. */
  readonly unit: string
  /** The side-by-side reference, e.g. « écho node:http », « xmllint --schema », « DuckDB ». */
  readonly reference?: string
  readonly referenceValue?: number
  /** Sizes, counts, conditions: what a reader needs to repeat the measure. */
  readonly note?: string
}

export interface BenchResult {
  readonly bench: string
  readonly figures: readonly BenchFigure[]
}

/** Prints the result line; call it last. */
export function printBenchResult(bench: string, figures: readonly BenchFigure[]): void {
  const result: BenchResult = { bench, figures }
  process.stdout.write(`${BENCH_RESULT_PREFIX}${JSON.stringify(result)}\n`)
}

/** The last result line of a bench's output, or undefined when it printed none. */
export function parseBenchResult(output: string): BenchResult | undefined {
  const line = output
    .split('\n')
    .filter((candidate) => candidate.startsWith(BENCH_RESULT_PREFIX))
    .at(-1)
  return line === undefined ? undefined : (JSON.parse(line.slice(BENCH_RESULT_PREFIX.length)) as BenchResult)
}

/** value / referenceValue, when both are there and the reference is not zero. */
export function ratio(figure: BenchFigure): number | undefined {
  if (figure.referenceValue === undefined || figure.referenceValue === 0) return undefined
  return figure.value / figure.referenceValue
}

/** Median and 95th percentile (nearest rank) of a list of numbers. */
export function percentiles(values: readonly number[]): { median: number; p95: number } {
  if (values.length === 0) return { median: 0, p95: 0 }
  const sorted = [...values].sort((a, b) => a - b)
  const rank = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!
  return { median: rank(0.5), p95: rank(0.95) }
}
