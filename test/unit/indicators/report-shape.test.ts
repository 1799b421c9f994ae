import { expect, test } from 'vitest'
import { computeIndicators, DEFAULT_CONFIG } from '../../../harness/indicators/index.ts'
import { isIndicatorsView } from '../../../reports/html-indicators.ts'
import type { IndicatorsView } from '../../../reports/html-indicators.ts'
import { handFiles } from './helpers.ts'

// The HTML reporter declares the part of the report it renders; the report must keep fitting it.
test('an IndicatorsReport is what the HTML indicators section reads', async () => {
  const report = await computeIndicators(handFiles, { at: '2025-04-01', config: DEFAULT_CONFIG })
  const view: IndicatorsView = report
  expect(isIndicatorsView(JSON.parse(JSON.stringify(view)))).toBe(true)
})
