import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { afterAll, describe, expect, it } from 'vitest'
import { InputTooLargeError, findDoctype, parseXmlSafely, readFileLimited, readStreamLimited } from '../../../../harness/validate/xml/index.ts'
import { validateCdaFile } from '../../../../harness/validate/cda/index.ts'

const dir = mkdtempSync(join(tmpdir(), 'dui-xml-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const secretFile = join(dir, 'secret.txt')
writeFileSync(secretFile, 'TOP-SECRET-CONTENT')
const XXE = `<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "file://${secretFile}">]>\n<r>&x;</r>`
const BILLION_LAUGHS =
  '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">' +
  ['b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'].map((n, i) => `<!ENTITY ${n} "${`&${'abcdefghij'[i]};`.repeat(10)}">`).join('') +
  ']><r>&j;</r>'

describe('parseXmlSafely', () => {
  it('refuses an external entity (XXE) before parsing, with a security issue', () => {
    const result = parseXmlSafely(XXE, { requirement: 'DOC-003' })
    expect(result.ok).toBe(false)
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'fatal', code: 'security', rule: 'xml/doctype-forbidden', requirement: 'DOC-003', location: { path: '/', line: 2 } }),
    ])
    expect(JSON.stringify(result.issues)).not.toContain('TOP-SECRET')
  })

  it('never substitutes an external entity even when a DOCTYPE is allowed', () => {
    const result = parseXmlSafely(XXE, { limits: { allowDoctype: true } })
    expect(result.ok).toBe(true)
    if (!result.ok) return
    try {
      expect(result.doc.root.toString()).not.toContain('TOP-SECRET')
      expect(result.doc.root.content).not.toContain('TOP-SECRET')
    } finally {
      result.doc.dispose()
    }
  })

  it('refuses billion laughs (DOCTYPE refused; libxml2 amplification limit when DOCTYPE allowed)', () => {
    const refused = parseXmlSafely(BILLION_LAUGHS)
    expect(refused.issues[0]).toMatchObject({ rule: 'xml/doctype-forbidden', severity: 'fatal' })
    const amplified = parseXmlSafely(BILLION_LAUGHS, { limits: { allowDoctype: true } })
    expect(amplified.ok).toBe(false)
    expect(amplified.issues[0]).toMatchObject({ rule: 'xml/entity-expansion', code: 'security', severity: 'fatal' })
    expect(amplified.issues[0]?.message).toMatch(/expansion d'entités/)
  })

  it('finds a DOCTYPE after comments and processing instructions, and in UTF-16', () => {
    expect(findDoctype('<?xml version="1.0"?>\n<!-- c -->\n<?pi x?>\n<!DOCTYPE a><a/>')).toEqual({ line: 4 })
    expect(findDoctype('<a><!DOCTYPE-looking text/></a>')).toBeUndefined()
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<!DOCTYPE a><a/>', 'utf16le')])
    expect(findDoctype(utf16)).toEqual({ line: 1 })
    expect(parseXmlSafely(utf16).issues[0]).toMatchObject({ rule: 'xml/doctype-forbidden' })
  })

  it('reports a malformed document with its line', () => {
    const result = parseXmlSafely('<a>\n<b></a>', { requirement: 'DOC-003' })
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'xml/well-formed', code: 'structure', severity: 'fatal', location: { path: '/', line: 2 } })])
  })

  it('refuses excessive nesting', () => {
    const result = parseXmlSafely(`${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`)
    expect(result.issues[0]).toMatchObject({ rule: 'xml/depth-limit', code: 'too-costly' })
  })

  it('refuses input over the size limit without parsing it', () => {
    const result = parseXmlSafely(Buffer.alloc(2048, 0x20), { limits: { maxBytes: 1024 } })
    expect(result.issues).toEqual([expect.objectContaining({ rule: 'xml/size-limit', code: 'too-costly', params: { size: 2048, limit: 1024 } })])
  })
})

describe('a 200 MB document', () => {
  const size = 200 * 1024 * 1024

  it('is refused from a file without being read (sparse file, stat first)', async () => {
    const file = join(dir, 'huge.xml')
    writeFileSync(file, '<ClinicalDocument xmlns="urn:hl7-org:v3">')
    truncateSync(file, size) // sparse: no 200 MB written to disk
    await expect(readFileLimited(file, 64 * 1024 * 1024)).rejects.toBeInstanceOf(InputTooLargeError)
    const before = process.memoryUsage().arrayBuffers
    const result = await validateCdaFile(file)
    expect(result.valid).toBe(false)
    expect(result.issues).toEqual([
      expect.objectContaining({ severity: 'fatal', rule: 'xml/size-limit', requirement: 'DOC-003', params: { size, limit: 64 * 1024 * 1024 } }),
    ])
    expect(result.issues[0]?.message).toContain('au-delà de la limite')
    // Nothing close to the file size was allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(16 * 1024 * 1024)
  })

  it('is refused from a stream after the limit, without pulling the rest', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x61)
    let pulled = 0
    const stream = new Readable({
      read() {
        if (pulled >= size) return this.push(null)
        pulled += chunk.length
        this.push(chunk)
      },
    })
    await expect(readStreamLimited(stream, 8 * 1024 * 1024)).rejects.toMatchObject({ name: 'InputTooLargeError', limit: 8 * 1024 * 1024 })
    // Bounded: at most the limit plus the readable's read-ahead buffer, far from 200 MB.
    expect(pulled).toBeLessThan(32 * 1024 * 1024)
    expect(stream.destroyed).toBe(true)
  })
})
