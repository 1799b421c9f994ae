import { attr, checkCardinality, defineCdaRule } from '../context.ts'
import { confidentialityCodes, findConcept } from '../value-sets.ts'

export const headerConfidentialityCode = defineCdaRule({
  id: 'cda/header-confidentiality-code',
  requirements: ['DOC-004'],
  description: 'confidentialityCode présent une fois, N, R ou V du système 2.16.840.1.113883.5.25.',
  check(ctx, report) {
    for (const code of checkCardinality(ctx, report, 'cda:confidentialityCode', 'Le niveau de confidentialité (confidentialityCode)', 1, 1)) {
      const value = attr(code, 'code')
      const system = attr(code, 'codeSystem')
      if (!findConcept(confidentialityCodes, value, system)) {
        report({
          code: 'code-invalid',
          message: `confidentialityCode doit être N, R ou V du système 2.16.840.1.113883.5.25 (trouvé « ${value ?? ''} », « ${system ?? ''} »).`,
          at: code,
          params: { code: value, codeSystem: system, valueSet: confidentialityCodes.oid },
        })
      }
    }
  },
})
