import { checkCardinality, defineCdaRule } from '../context.ts'

export const headerTitle = defineCdaRule({
  id: 'cda/header-title',
  requirements: ['DOC-004'],
  description: 'Titre du document (title) présent une fois et non vide.',
  check(ctx, report) {
    for (const title of checkCardinality(ctx, report, 'cda:title', 'Le titre du document (title)', 1, 1)) {
      if (title.content.trim() === '') report({ code: 'required', message: 'Le titre du document (title) ne doit pas être vide.', at: title })
    }
  },
})
