import { defineCdaRule, select } from '../context.ts'

export const headerDocumentationOf = defineCdaRule({
  id: 'cda/header-documentation-of',
  requirements: ['DOC-004'],
  description: 'Au moins un acte documenté (documentationOf/serviceEvent) ; le premier a exactement un performer et un effectiveTime.',
  check(ctx, report) {
    const documented = select(ctx, 'cda:documentationOf[not(@nullFlavor)][cda:serviceEvent]')
    if (documented.length === 0) {
      report({ code: 'required', message: 'Au moins un acte documenté (documentationOf/serviceEvent) est obligatoire.', at: ctx.root })
      return
    }
    // The structuration minimale judges the first documentationOf of the document.
    const firstEvent = select(ctx, 'cda:documentationOf[1]/cda:serviceEvent')[0]
    if (!firstEvent) return
    const performers = select(ctx, 'cda:performer', firstEvent)
    if (performers.length !== 1) {
      report({ code: performers.length === 0 ? 'required' : 'structure', message: `Le performer de l’acte principal est obligatoire et unique (trouvé ${performers.length}).`, at: performers[1] ?? firstEvent, params: { found: performers.length } })
    }
    const times = select(ctx, 'cda:effectiveTime', firstEvent)
    if (times.length !== 1) {
      report({ code: times.length === 0 ? 'required' : 'structure', message: `La date de l’acte principal (serviceEvent/effectiveTime) est obligatoire et unique (trouvé ${times.length}).`, at: times[1] ?? firstEvent, params: { found: times.length } })
    }
  },
})
