import { attr, checkCardinality, defineCdaRule } from '../context.ts'

export const headerLanguageCode = defineCdaRule({
  id: 'cda/header-language-code',
  requirements: ['DOC-004'],
  description: 'languageCode présent une fois, de la forme langue-PAYS (fr-FR).',
  check(ctx, report) {
    for (const language of checkCardinality(ctx, report, 'cda:languageCode', 'La langue du document (languageCode)', 1, 1)) {
      const value = attr(language, 'code')
      if (value === undefined || !/^[a-z]{2,3}-[A-Z]{2}$/.test(value)) {
        report({ code: 'value', message: `languageCode/@code doit être de la forme « fr-FR » (trouvé « ${value ?? ''} »).`, at: language, params: { code: value } })
      }
    }
  },
})
