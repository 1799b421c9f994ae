import { checkCardinality, defineCdaRule } from '../context.ts'

export const headerComponentOf = defineCdaRule({
  id: 'cda/header-component-of',
  requirements: ['DOC-004'],
  description: 'Prise en charge (componentOf/encompassingEncounter) présente une fois.',
  check(ctx, report) {
    checkCardinality(ctx, report, 'cda:componentOf[not(@nullFlavor)][cda:encompassingEncounter]', 'La prise en charge (componentOf/encompassingEncounter)', 1, 1)
  },
})
