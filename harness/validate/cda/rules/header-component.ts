import { checkCardinality, defineCdaRule, select } from '../context.ts'

export const headerComponent = defineCdaRule({
  id: 'cda/header-component',
  requirements: ['DOC-004'],
  description: 'Un seul corps (component) : structuredBody ou nonXMLBody.',
  check(ctx, report) {
    for (const component of checkCardinality(ctx, report, 'cda:component', 'Le corps du document (component)', 1, 1)) {
      const bodies = select(ctx, 'cda:structuredBody | cda:nonXMLBody', component)
      if (bodies.length !== 1) {
        report({ code: 'structure', message: 'component doit contenir exactement un corps : structuredBody ou nonXMLBody.', at: component, params: { found: bodies.length } })
      }
    }
  },
})
