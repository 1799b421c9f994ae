import { attr, checkCardinality, defineCdaRule, isTs } from '../context.ts'

export const headerEffectiveTime = defineCdaRule({
  id: 'cda/header-effective-time',
  requirements: ['DOC-004'],
  description: 'Date de création du document (effectiveTime) présente une fois, @value au format TS.',
  check(ctx, report) {
    for (const time of checkCardinality(ctx, report, 'cda:effectiveTime', 'La date du document (effectiveTime)', 1, 1)) {
      const value = attr(time, 'value')
      if (!isTs(value)) {
        report({ code: 'value', message: `effectiveTime/@value doit être une date HL7 (AAAAMMJJ[hhmmss][±ZZZZ]) (trouvé « ${value ?? ''} »).`, at: time, params: { value } })
      }
    }
  },
})
