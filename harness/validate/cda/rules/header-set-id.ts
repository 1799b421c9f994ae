import { attr, checkCardinality, defineCdaRule, isUid } from '../context.ts'

export const headerSetId = defineCdaRule({
  id: 'cda/header-set-id',
  requirements: ['DOC-004'],
  description: 'Identifiant du lot de versions (setId) présent une fois, @root uid.',
  check(ctx, report) {
    for (const setId of checkCardinality(ctx, report, 'cda:setId', 'L’identifiant du lot de versions (setId)', 1, 1)) {
      if (attr(setId, 'nullFlavor') !== undefined || !isUid(attr(setId, 'root'))) {
        report({ code: 'value', message: `setId/@root doit être un uid, sans nullFlavor (trouvé « ${attr(setId, 'root') ?? ''} »).`, at: setId, params: { root: attr(setId, 'root') } })
      }
    }
  },
})
