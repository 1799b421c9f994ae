import { checkCardinality, defineCdaRule, first } from '../context.ts'

export const headerCustodian = defineCdaRule({
  id: 'cda/header-custodian',
  requirements: ['DOC-004'],
  description: 'Structure chargée de la conservation (custodian) présente une fois avec son identifiant.',
  check(ctx, report) {
    for (const custodian of checkCardinality(ctx, report, 'cda:custodian[not(@nullFlavor)][cda:assignedCustodian]', 'La structure de conservation (custodian/assignedCustodian)', 1, 1)) {
      if (!first(ctx, 'cda:assignedCustodian/cda:representedCustodianOrganization/cda:id', custodian)) {
        report({ code: 'required', message: 'custodian/assignedCustodian/representedCustodianOrganization/id est obligatoire.', at: custodian })
      }
    }
  },
})
