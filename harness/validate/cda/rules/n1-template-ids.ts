import { attr, defineCdaRule, select } from '../context.ts'

const N1_TEMPLATES = ['1.3.6.1.4.1.19376.1.2.20', '2.16.840.1.113883.2.8.2.1', '1.2.250.1.213.1.1.1.1']

export const n1TemplateIds = defineCdaRule({
  id: 'cda/n1-template-ids',
  requirements: ['DOC-006'],
  description: 'Document non structuré (nonXMLBody) : exactement les trois templateId 1.3.6.1.4.1.19376.1.2.20, 2.16.840.1.113883.2.8.2.1 et 1.2.250.1.213.1.1.1.1.',
  appliesTo: (ctx) => ctx.header.body === 'non-xml',
  check(ctx, report) {
    const templates = select(ctx, 'cda:templateId')
    const roots = templates.map((t) => attr(t, 'root') ?? '')
    if (!roots.includes('1.3.6.1.4.1.19376.1.2.20')) {
      report({ code: 'required', message: 'Dans un document CDA non structuré, le templateId « 1.3.6.1.4.1.19376.1.2.20 » (IHE XDS-SD) est obligatoire.', at: ctx.root, params: { found: roots } })
    }
    const extra = templates.filter((t) => !N1_TEMPLATES.includes(attr(t, 'root') ?? ''))
    if (templates.length !== 3 || extra.length > 0 || N1_TEMPLATES.some((r) => !roots.includes(r))) {
      report({
        code: 'structure',
        message: `Dans un document CDA non structuré, seuls les trois templateId ${N1_TEMPLATES.join(', ')} sont admis (le templateId XDS-SD remplace celui du volet) ; trouvé ${templates.length} : ${roots.join(', ')}.`,
        at: extra[0] ?? ctx.root,
        params: { expected: N1_TEMPLATES, found: roots },
      })
    }
  },
})
