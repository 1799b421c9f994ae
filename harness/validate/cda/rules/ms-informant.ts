import { defineCdaRule, select } from '../context.ts'
import { MEDICO_SOCIAL_TYPES, medicoSocialTypeOf } from '../document-types.ts'

export const msInformant = defineCdaRule({
  id: 'cda/ms-informant',
  requirements: [...new Set(MEDICO_SOCIAL_TYPES.filter((t) => t.informantPcpRequired).map((t) => t.requirement))],
  description: 'DLU et VSM : un participant de type INF (informateur) avec functionCode PCP (médecin traitant) est obligatoire.',
  appliesTo: (ctx) => medicoSocialTypeOf(ctx.header)?.type.informantPcpRequired === true,
  check(ctx, report) {
    const type = medicoSocialTypeOf(ctx.header)?.type
    if (!type) return
    if (select(ctx, "cda:participant[@typeCode='INF']/cda:functionCode[@code='PCP']").length === 0) {
      const informant = select(ctx, "cda:participant[@typeCode='INF']")[0]
      report({
        requirement: type.requirement,
        code: 'required',
        message: `${type.label} : un participant[@typeCode="INF"] avec functionCode/@code="PCP" (médecin traitant) est obligatoire.`,
        at: informant ?? ctx.root,
      })
    }
  },
})
