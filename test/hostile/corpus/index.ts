import type { HostileCase } from './case.ts'
import { connectionCases } from './connection-cases.ts'
import { httpCases } from './http-cases.ts'
import { mailCases } from './mail-cases.ts'
import { validateCases } from './validate-cases.ts'

/** The whole hostile corpus: every generated case, across every endpoint and `validate` type. */
export function hostileCorpus(): HostileCase[] {
  return [...httpCases(), ...mailCases(), ...connectionCases(), ...validateCases()]
}
