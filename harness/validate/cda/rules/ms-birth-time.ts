import { defineCdaRule, select } from '../context.ts'
import { MEDICO_SOCIAL_TYPES, medicoSocialTypeOf } from '../document-types.ts'

export const msBirthTime = defineCdaRule({
  id: 'cda/ms-birth-time',
  requirements: [...new Set(MEDICO_SOCIAL_TYPES.filter((t) => t.birthTimeRequired).map((t) => t.requirement))],
  description: 'DLU, FLUDT, FLUDR, LDL : la date de naissance du patient (patient/birthTime) est obligatoire.',
  appliesTo: (ctx) => medicoSocialTypeOf(ctx.header)?.type.birthTimeRequired === true,
  check(ctx, report) {
    const type = medicoSocialTypeOf(ctx.header)?.type
    if (!type) return
    if (select(ctx, 'cda:recordTarget/cda:patientRole/cda:patient/cda:birthTime').length === 0) {
      report({
        requirement: type.requirement,
        code: 'required',
        message: `${type.label} : la date de naissance du patient (recordTarget/patientRole/patient/birthTime) est obligatoire.`,
        at: select(ctx, 'cda:recordTarget/cda:patientRole/cda:patient')[0],
      })
    }
  },
})
