import { attr, defineCdaRule, select } from '../context.ts'
import { MEDICO_SOCIAL_TYPES, knownTemplatesFor, medicoSocialTypeOf } from '../document-types.ts'

export const msTemplateId = defineCdaRule({
  id: 'cda/ms-template-id',
  requirements: [...new Set(MEDICO_SOCIAL_TYPES.map((t) => t.requirement))],
  description: 'Documents médico-sociaux structurés (DLU, FLUDT, FLUDR, VSM, LDL, IPS-FR DLU) : templateId du volet présent, avec son extension de version.',
  appliesTo: (ctx) => medicoSocialTypeOf(ctx.header)?.type.templateId !== undefined,
  check(ctx, report) {
    const identified = medicoSocialTypeOf(ctx.header)
    const type = identified?.type
    if (!type?.templateId) return
    if (identified?.by === 'code') {
      const code = ctx.header.typeCode?.code ?? ''
      report({
        requirement: type.requirement,
        code: 'required',
        message: `Document structuré de code « ${code} » sans templateId de volet : l’un de ${knownTemplatesFor(code).join(', ')} est attendu (${type.label}).`,
        at: ctx.root,
        params: { code, expected: knownTemplatesFor(code) },
      })
      return
    }
    const template = select(ctx, `cda:templateId[@root='${type.templateId.root}']`)[0]
    const expected = type.templateId.extension
    if (template && expected !== undefined && attr(template, 'extension') !== expected) {
      report({
        requirement: type.requirement,
        code: 'value',
        message: `${type.label} : le templateId ${type.templateId.root} doit porter @extension="${expected}" (trouvé « ${attr(template, 'extension') ?? ''} »).`,
        at: template,
        params: { expected, actual: attr(template, 'extension') },
      })
    }
    for (const other of type.otherTemplateIds ?? []) {
      if (select(ctx, `cda:templateId[@root='${other}']`).length === 0) {
        report({ requirement: type.requirement, code: 'required', message: `${type.label} : le templateId ${other} est obligatoire.`, at: ctx.root, params: { root: other } })
      }
    }
  },
})
