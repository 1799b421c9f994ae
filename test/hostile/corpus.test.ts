import { describe, expect, it } from 'vitest'
import type { Family } from './corpus/case.ts'
import { hostileCorpus } from './corpus/index.ts'

const corpus = hostileCorpus()

describe('hostile corpus (issue #10): generated, broad, and every case says what must happen', () => {
  it('holds at least 200 cases with unique ids', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200)
    expect(new Set(corpus.map((c) => c.id)).size).toBe(corpus.length)
  })

  it('reaches every simulator endpoint and every `validate` type', () => {
    const targets = new Set(corpus.map((c) => c.target))
    for (const target of ['dmp.fhir', 'dmp.xds', 'insi', 'psc', 'annuaire', 'mssante.smtp', 'mssante.imap', 'validate:cda', 'validate:xdm', 'validate:mime', 'validate:mhd-bundle', 'validate:xds-request']) expect(targets).toContain(target)
  })

  it('covers every family the issue names', () => {
    const families = new Set(corpus.map((c) => c.family))
    const named: Family[] = ['xxe', 'billion-laughs', 'deep-nesting', 'huge-body', 'zip-bomb', 'zip-slip', 'lying-zip', 'mtom', 'invalid-utf8', 'broken-mime', 'header-injection', 'smtp-pipelining', 'tls-downgrade', 'plaintext-auth', 'slow-loris', 'invalid-json', 'wrong-content-type']
    for (const family of named) expect(families).toContain(family)
  })

  it('gives every case an expected answer and a French reason to look for', () => {
    for (const hostile of corpus) {
      expect(hostile.expected.status, hostile.id).toBeDefined()
      expect(String(hostile.expected.reason).length, hostile.id).toBeGreaterThan(4)
    }
  })
})
