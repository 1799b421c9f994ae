import { attr, checkCardinality, defineCdaRule } from '../context.ts'

export const headerRealmCode = defineCdaRule({
  id: 'cda/header-realm-code',
  requirements: ['DOC-004'],
  description: 'realmCode présent une fois avec @code = FR.',
  check(ctx, report) {
    for (const realm of checkCardinality(ctx, report, 'cda:realmCode', 'L’élément realmCode', 1, 1)) {
      if (attr(realm, 'code') !== 'FR') {
        report({ code: 'value', message: `realmCode/@code doit valoir « FR » (trouvé « ${attr(realm, 'code') ?? ''} »).`, at: realm, params: { expected: 'FR', actual: attr(realm, 'code') } })
      }
    }
  },
})
