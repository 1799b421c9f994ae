import { attr, checkCardinality, defineCdaRule } from '../context.ts'

export const headerTypeId = defineCdaRule({
  id: 'cda/header-type-id',
  requirements: ['DOC-004'],
  description: 'typeId présent une fois : @root 2.16.840.1.113883.1.3, @extension POCD_HD000040.',
  check(ctx, report) {
    for (const typeId of checkCardinality(ctx, report, 'cda:typeId', 'L’élément typeId', 1, 1)) {
      const root = attr(typeId, 'root')
      const extension = attr(typeId, 'extension')
      if (root !== '2.16.840.1.113883.1.3' || extension !== 'POCD_HD000040') {
        report({
          code: 'value',
          message: `typeId doit avoir @root="2.16.840.1.113883.1.3" et @extension="POCD_HD000040" (trouvé root="${root ?? ''}", extension="${extension ?? ''}").`,
          at: typeId,
          params: { root, extension },
        })
      }
    }
  },
})
