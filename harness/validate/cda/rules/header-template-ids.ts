import { attr, defineCdaRule, isUid, select } from '../context.ts'

const HL7_FRANCE = '2.16.840.1.113883.2.8.2.1'
const CISIS = '1.2.250.1.213.1.1.1.1'

export const headerTemplateIds = defineCdaRule({
  id: 'cda/header-template-ids',
  requirements: ['DOC-004'],
  description: 'templateId HL7 France et CI-SIS présents une fois chacun, plus au moins un templateId de volet ; chaque @root est un uid.',
  check(ctx, report) {
    const templates = select(ctx, 'cda:templateId')
    for (const [root, label] of [
      [HL7_FRANCE, 'HL7 France'],
      [CISIS, 'CI-SIS (structuration minimale)'],
    ] as const) {
      const count = templates.filter((t) => attr(t, 'root') === root).length
      if (count !== 1) {
        report({
          code: count === 0 ? 'required' : 'structure',
          message: `Le templateId ${label} « ${root} » doit être présent exactement une fois (trouvé ${count}).`,
          at: count === 0 ? ctx.root : templates.filter((t) => attr(t, 'root') === root)[1],
          params: { root, found: count },
        })
      }
    }
    if (!templates.some((t) => attr(t, 'root') !== HL7_FRANCE && attr(t, 'root') !== CISIS)) {
      report({ code: 'required', message: 'Au moins un templateId de volet (ou 1.3.6.1.4.1.19376.1.2.20 pour un document non structuré) est obligatoire.', at: ctx.root })
    }
    for (const template of templates) {
      if (!isUid(attr(template, 'root'))) {
        report({ code: 'value', message: `templateId/@root doit être un uid (OID, UUID ou RUID) (trouvé « ${attr(template, 'root') ?? ''} »).`, at: template, params: { root: attr(template, 'root') } })
      }
    }
  },
})
