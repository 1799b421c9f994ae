import { closeSync, existsSync, openSync, readFileSync, readSync, realpathSync, statSync } from 'node:fs'
import { isAbsolute, join, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { XmlDocument, XmlElement, XmlValidateError, XsdValidator, xmlRegisterInputProvider } from 'libxml2-wasm'
import type { Issue } from '../../../core/issue.ts'
import { xpathOf } from '../../xml/index.ts'

export const CDA_XSD = join('infrastructure', 'cda', 'CDA_extended.xsd')

/** Folders libxml2 may read schema files from; nothing else on disk is reachable. */
const allowedRoots = new Set<string>()
let providerRegistered = false

function toPath(filename: string): string | undefined {
  try {
    const path = filename.startsWith('file:') ? fileURLToPath(filename) : filename
    return isAbsolute(path) ? path : undefined
  } catch {
    return undefined
  }
}

function allowed(filename: string): string | undefined {
  const path = toPath(filename)
  if (!path || !existsSync(path)) return undefined
  const real = realpathSync(path)
  for (const root of allowedRoots) if (real === root || real.startsWith(root + sep)) return real
  return undefined
}

/** Allow-list input provider: schema includes/imports are read from the kit's XSD folder only. */
function registerProvider(): void {
  if (providerRegistered) return
  providerRegistered = true
  xmlRegisterInputProvider({
    match: (filename) => allowed(filename) !== undefined,
    open: (filename) => {
      const real = allowed(filename)
      return real !== undefined && statSync(real).isFile() ? openSync(real, 'r') : undefined
    },
    read: (fd, buf) => {
      try {
        return readSync(fd, buf, 0, buf.byteLength, null)
      } catch {
        return -1
      }
    },
    close: (fd) => {
      try {
        closeSync(fd)
        return true
      } catch {
        return false
      }
    },
  })
}

const validators = new Map<string, XsdValidator>()

function validatorFor(kitDir: string): XsdValidator {
  const xsd = realpathSync(join(kitDir, CDA_XSD))
  const known = validators.get(xsd)
  if (known) return known
  allowedRoots.add(realpathSync(join(kitDir, 'infrastructure')))
  registerProvider()
  const schemaDoc = XmlDocument.fromBuffer(readFileSync(xsd), { url: xsd })
  try {
    const validator = XsdValidator.fromDoc(schemaDoc)
    validators.set(xsd, validator)
    return validator
  } finally {
    schemaDoc.dispose()
  }
}

/** Validates the parsed document against the kit's CDA_extended.xsd (libxml2). */
export function validateXsd(kitDir: string, doc: XmlDocument, requirement: string): Issue[] {
  const validator = validatorFor(kitDir)
  try {
    validator.validate(doc)
    return []
  } catch (error) {
    if (!(error instanceof XmlValidateError)) throw error
    const byLine = new Map<number, string>()
    for (const node of doc.find('//*')) if (node instanceof XmlElement && !byLine.has(node.line)) byLine.set(node.line, xpathOf(node))
    return error.details.map((detail) => ({
      severity: 'error',
      code: 'structure',
      rule: 'kit/xsd',
      message: `Non conforme au schéma CDA_extended.xsd : ${detail.message.trim()}`,
      location: detail.line > 0 ? { path: byLine.get(detail.line) ?? '/', line: detail.line } : { path: '/' },
      requirement,
      params: { schema: CDA_XSD.split(sep).join('/'), column: detail.col },
    }))
  }
}
