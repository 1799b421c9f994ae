import { attr, checkCardinality, defineCdaRule, isUid } from '../context.ts'

export const headerId = defineCdaRule({
  id: 'cda/header-id',
  requirements: ['DOC-004'],
  description: 'Identifiant unique du document (id) présent une fois, @root uid.',
  check(ctx, report) {
    for (const id of checkCardinality(ctx, report, 'cda:id', 'L’identifiant du document (id)', 1, 1)) {
      if (attr(id, 'nullFlavor') !== undefined || !isUid(attr(id, 'root'))) {
        report({ code: 'value', message: `id/@root doit être un uid (OID, UUID ou RUID), sans nullFlavor (trouvé « ${attr(id, 'root') ?? ''} »).`, at: id, params: { root: attr(id, 'root') } })
      }
    }
  },
})
