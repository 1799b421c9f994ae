import { attr, defineCdaRule, select } from '../context.ts'
import { MEDICO_SOCIAL_TYPES, medicoSocialTypeOf } from '../document-types.ts'

export const msServiceEvent = defineCdaRule({
  id: 'cda/ms-service-event',
  requirements: [...new Set(MEDICO_SOCIAL_TYPES.map((t) => t.requirement))],
  description: 'Documents médico-sociaux : code de l’acte documenté (serviceEvent/code) imposé, date de l’acte obligatoire et sans nullFlavor selon le modèle.',
  appliesTo: (ctx) => {
    const type = medicoSocialTypeOf(ctx.header)?.type
    return type !== undefined && (type.serviceEventCode !== undefined || type.serviceEventEffectiveTimeRequired)
  },
  check(ctx, report) {
    const type = medicoSocialTypeOf(ctx.header)?.type
    if (!type) return
    const events = select(ctx, 'cda:documentationOf/cda:serviceEvent')
    const at = events[0] ?? ctx.root
    if (type.serviceEventCode !== undefined && !events.some((e) => select(ctx, `cda:code[@code='${type.serviceEventCode}']`, e).length > 0)) {
      const found = events.map((e) => attr(select(ctx, 'cda:code', e)[0], 'code') ?? '')
      report({
        requirement: type.requirement,
        code: 'code-invalid',
        message: `${type.label} : l’acte documenté doit avoir documentationOf/serviceEvent/code/@code = « ${type.serviceEventCode} » (trouvé ${found.length ? found.map((f) => `« ${f} »`).join(', ') : 'aucun'}).`,
        at: select(ctx, 'cda:code', at)[0] ?? at,
        params: { expected: type.serviceEventCode, found },
      })
    }
    if (type.serviceEventEffectiveTimeRequired && !events.some((e) => select(ctx, 'cda:effectiveTime', e).length > 0)) {
      report({ requirement: type.requirement, code: 'required', message: `${type.label} : la date de l’acte (documentationOf/serviceEvent/effectiveTime) est obligatoire.`, at })
    }
    if (type.serviceEventNullFlavorForbidden) {
      for (const time of select(ctx, 'cda:documentationOf/cda:serviceEvent/cda:effectiveTime[@nullFlavor] | cda:documentationOf/cda:serviceEvent/cda:effectiveTime/cda:low[@nullFlavor]')) {
        report({ requirement: type.requirement, code: 'value', message: `${type.label} : le nullFlavor est interdit pour la date de début de l’acte documenté.`, at: time, params: { nullFlavor: attr(time, 'nullFlavor') } })
      }
    }
  },
})
