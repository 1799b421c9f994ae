import { attr, checkCardinality, defineCdaRule } from '../context.ts'

export const headerVersionNumber = defineCdaRule({
  id: 'cda/header-version-number',
  requirements: ['DOC-004'],
  description: 'Numéro de version (versionNumber) présent une fois, entier strictement positif.',
  check(ctx, report) {
    for (const version of checkCardinality(ctx, report, 'cda:versionNumber', 'Le numéro de version (versionNumber)', 1, 1)) {
      const value = attr(version, 'value')
      if (value === undefined || !/^[1-9][0-9]*$/.test(value)) {
        report({ code: 'value', message: `versionNumber/@value doit être un entier positif (trouvé « ${value ?? ''} »).`, at: version, params: { value } })
      }
    }
  },
})
