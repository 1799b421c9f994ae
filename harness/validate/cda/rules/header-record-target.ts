import { checkCardinality, defineCdaRule, first } from '../context.ts'

export const headerRecordTarget = defineCdaRule({
  id: 'cda/header-record-target',
  requirements: ['DOC-004'],
  description: 'Un seul patient (recordTarget/patientRole) avec au moins un identifiant et un élément patient.',
  check(ctx, report) {
    for (const target of checkCardinality(ctx, report, 'cda:recordTarget', 'Le patient (recordTarget)', 1, 1)) {
      const role = checkCardinality(ctx, report, 'cda:patientRole', 'recordTarget/patientRole', 1, 1, target)[0]
      if (!role) continue
      checkCardinality(ctx, report, 'cda:id', 'Un identifiant du patient (patientRole/id)', 1, Infinity, role)
      if (!first(ctx, 'cda:patient', role)) {
        report({ code: 'required', message: 'patientRole/patient est obligatoire (identité du patient).', at: role })
      }
    }
  },
})
