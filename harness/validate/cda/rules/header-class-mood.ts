import { attr, defineCdaRule } from '../context.ts'

/** ClinicalDocument/@classCode and @moodCode are fixed when present. */
export const headerClassMood = defineCdaRule({
  id: 'cda/header-class-mood',
  requirements: ['DOC-004'],
  description: 'ClinicalDocument/@classCode vaut DOCCLIN et @moodCode vaut EVN lorsqu’ils sont présents.',
  check(ctx, report) {
    const classCode = attr(ctx.root, 'classCode')
    if (classCode !== undefined && classCode !== 'DOCCLIN') {
      report({ code: 'value', message: `ClinicalDocument/@classCode doit valoir « DOCCLIN » (trouvé « ${classCode} »).`, at: ctx.root.attr('classCode') ?? ctx.root, params: { expected: 'DOCCLIN', actual: classCode } })
    }
    const moodCode = attr(ctx.root, 'moodCode')
    if (moodCode !== undefined && moodCode !== 'EVN') {
      report({ code: 'value', message: `ClinicalDocument/@moodCode doit valoir « EVN » (trouvé « ${moodCode} »).`, at: ctx.root.attr('moodCode') ?? ctx.root, params: { expected: 'EVN', actual: moodCode } })
    }
  },
})
