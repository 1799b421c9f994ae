import { describe, expect, it } from 'vitest'
import { rollUp } from '../../../harness/core/verdict.ts'

describe('rollUp', () => {
  it('takes the verdict of highest precedence', () => {
    expect(rollUp([{ verdict: 'pass' }, { verdict: 'fail' }, { verdict: 'skip' }])).toBe('fail')
    expect(rollUp([{ verdict: 'pass' }, { verdict: 'error' }, { verdict: 'fail' }])).toBe('error')
    expect(rollUp([{ verdict: 'pass' }, { verdict: 'omit' }])).toBe('pass')
    expect(rollUp([{ verdict: 'skip' }, { verdict: 'pass' }])).toBe('skip')
  })

  it('never lets an optional child fail its parent', () => {
    expect(rollUp([{ verdict: 'pass' }, { verdict: 'fail', optional: true }])).toBe('pass')
  })

  it('uses optional children when every child is optional', () => {
    expect(rollUp([{ verdict: 'fail', optional: true }, { verdict: 'pass', optional: true }])).toBe('fail')
  })

  it('gives omit for no children', () => {
    expect(rollUp([])).toBe('omit')
  })
})
