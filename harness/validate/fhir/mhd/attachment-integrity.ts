import { createHash } from 'node:crypto'
import type { Issue } from '../../../core/issue.ts'
import type { ValidationRule } from '../../rule.ts'
import { asArray, entryPath, findBinary, isJson, type ProvideBundleContext } from './context.ts'

const RULE = 'mhd/attachment-size-hash'
const REQUIREMENT = 'DMP-003'

/**
 * Each document's declared size and hash (attachment.size, attachment.hash = base64 SHA-1, as
 * XDS size/hash) match the bytes of the Binary actually sent.
 */
export const attachmentIntegrity: ValidationRule<ProvideBundleContext> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'La taille et l\'empreinte SHA-1 déclarées correspondent aux octets du document envoyé',
  appliesTo: (ctx) => ctx.documentReferences.length > 0,
  check(ctx) {
    const issues: Issue[] = []
    for (const doc of ctx.documentReferences) {
      asArray(doc.resource['content']).forEach((content, i) => {
        const attachment = isJson(content) ? content['attachment'] : undefined
        if (!isJson(attachment)) return
        const path = entryPath(doc, `.content[${i}].attachment`)
        const report = (message: string, code: Issue['code'], suffix: string, params?: Record<string, unknown>) =>
          issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path: path + suffix }, ...(params ? { params } : {}) })
        const binary = findBinary(ctx, attachment['url'])
        const data = binary?.resource['data']
        if (typeof data !== 'string') return // no bytes to compare: the structure rule reports it
        const bytes = Buffer.from(data, 'base64')
        const size = attachment['size']
        if (typeof size !== 'number') report('attachment.size est absent : la taille du document est obligatoire', 'required', '.size')
        else if (size !== bytes.length) report(`attachment.size déclare ${size} octets, le document envoyé en compte ${bytes.length}`, 'value', '.size', { declared: size, actual: bytes.length })
        const hash = attachment['hash']
        const actual = createHash('sha1').update(bytes).digest('base64')
        if (typeof hash !== 'string') report('attachment.hash est absent : l\'empreinte SHA-1 du document est obligatoire', 'required', '.hash')
        else if (hash !== actual) report(`attachment.hash déclare ${hash}, l'empreinte SHA-1 (base64) du document envoyé est ${actual}`, 'value', '.hash', { declared: hash, actual })
      })
    }
    return issues
  },
}
