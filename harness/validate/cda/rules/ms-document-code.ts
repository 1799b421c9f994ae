import { attr, defineCdaRule, first } from '../context.ts'
import { MEDICO_SOCIAL_TYPES, medicoSocialTypeOf } from '../document-types.ts'

export const msDocumentCode = defineCdaRule({
  id: 'cda/ms-document-code',
  requirements: [...new Set(MEDICO_SOCIAL_TYPES.map((t) => t.requirement))],
  description: 'Documents médico-sociaux : code du document et système de codage imposés par le modèle.',
  appliesTo: (ctx) => medicoSocialTypeOf(ctx.header) !== undefined,
  check(ctx, report) {
    const type = medicoSocialTypeOf(ctx.header)?.type
    if (!type) return
    const code = first(ctx, 'cda:code')
    if (!code) return // cda/header-code reports the missing code
    const value = attr(code, 'code')
    const system = attr(code, 'codeSystem')
    if (!type.code.codes.includes(value ?? '') || system !== type.code.codeSystem) {
      report({
        requirement: type.requirement,
        code: 'code-invalid',
        message: `${type.label} : le code du document doit être ${type.code.codes.map((c) => `« ${c} »`).join(' ou ')} du système ${type.code.codeSystem} (trouvé « ${value ?? ''} », « ${system ?? ''} »).`,
        at: code,
        params: { expected: type.code, actual: { code: value, codeSystem: system } },
      })
    }
  },
})
