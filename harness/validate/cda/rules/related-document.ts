import { attr, defineCdaRule, first, isUid, select } from '../context.ts'

export const relatedDocument = defineCdaRule({
  id: 'cda/related-document',
  requirements: ['DOC-009'],
  description: 'Remplacement : au plus un relatedDocument de type RPLC, dont parentDocument/id désigne un autre document du même lot (setId).',
  appliesTo: (ctx) => select(ctx, 'cda:relatedDocument').length > 0,
  check(ctx, report) {
    const related = select(ctx, 'cda:relatedDocument')
    if (related.length > 1) report({ code: 'structure', message: `relatedDocument est présent ${related.length} fois (au plus un remplacement RPLC).`, at: related[1], params: { found: related.length } })
    for (const item of related) {
      const typeCode = attr(item, 'typeCode')
      if (typeCode !== 'RPLC') {
        report({ code: 'value', message: `relatedDocument/@typeCode doit valoir « RPLC » (remplacement) (trouvé « ${typeCode ?? ''} »).`, at: item, params: { expected: 'RPLC', actual: typeCode } })
        continue
      }
      const parentId = first(ctx, 'cda:parentDocument/cda:id', item)
      if (!parentId || !isUid(attr(parentId, 'root'))) {
        report({ code: 'required', message: 'relatedDocument/parentDocument/id (identifiant du document remplacé, @root uid) est obligatoire.', at: parentId ?? item })
        continue
      }
      const documentId = ctx.header.documentId
      if (documentId && attr(parentId, 'root') === documentId.root && attr(parentId, 'extension') === documentId.extension) {
        report({ code: 'invariant', message: 'Le document remplacé (parentDocument/id) ne peut pas être le document lui-même (id).', at: parentId })
      }
      const parentSetId = first(ctx, 'cda:parentDocument/cda:setId', item)
      const setId = ctx.header.setId
      if (parentSetId && setId && (attr(parentSetId, 'root') !== setId.root || attr(parentSetId, 'extension') !== setId.extension)) {
        report({ code: 'invariant', message: 'Un remplacement garde le setId du document remplacé (parentDocument/setId différent de setId).', at: parentSetId, params: { parentSetId: attr(parentSetId, 'root'), setId: setId.root } })
      }
      if (ctx.header.versionNumber !== undefined && ctx.header.versionNumber < 2) {
        report({ severity: 'warning', code: 'invariant', message: `Un document de remplacement porte normalement un versionNumber supérieur à 1 (trouvé ${ctx.header.versionNumber}).`, at: first(ctx, 'cda:versionNumber') })
      }
    }
  },
})
