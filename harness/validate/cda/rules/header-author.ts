import { defineCdaRule, first, select } from '../context.ts'

export const headerAuthor = defineCdaRule({
  id: 'cda/header-author',
  requirements: ['DOC-004'],
  description: 'Au moins un auteur (author/assignedAuthor), chacun avec time et assignedAuthor/id.',
  check(ctx, report) {
    const authors = select(ctx, 'cda:author[not(@nullFlavor)][cda:assignedAuthor]')
    if (authors.length === 0) {
      report({ code: 'required', message: 'Au moins un auteur (author/assignedAuthor) est obligatoire.', at: ctx.root, params: { min: 1 } })
    }
    for (const author of authors) {
      if (!first(ctx, 'cda:time', author)) report({ code: 'required', message: 'author/time (date de participation de l’auteur) est obligatoire.', at: author })
      if (!first(ctx, 'cda:assignedAuthor/cda:id', author)) report({ code: 'required', message: 'author/assignedAuthor/id (identifiant de l’auteur) est obligatoire.', at: first(ctx, 'cda:assignedAuthor', author) })
    }
  },
})
