import { checkCardinality, defineCdaRule, first, select } from '../context.ts'

export const headerLegalAuthenticator = defineCdaRule({
  id: 'cda/header-legal-authenticator',
  requirements: ['DOC-004'],
  description: 'Responsable du document (legalAuthenticator) présent une fois avec signatureCode/@code = S, time et assignedEntity.',
  check(ctx, report) {
    const all = select(ctx, 'cda:legalAuthenticator')
    for (const authenticator of checkCardinality(ctx, report, "cda:legalAuthenticator[cda:signatureCode[@code = 'S']]", 'Le responsable du document (legalAuthenticator avec signatureCode S)', 1, 1)) {
      if (!first(ctx, 'cda:time', authenticator)) report({ code: 'required', message: 'legalAuthenticator/time est obligatoire.', at: authenticator })
      if (!first(ctx, 'cda:assignedEntity', authenticator)) report({ code: 'required', message: 'legalAuthenticator/assignedEntity est obligatoire.', at: authenticator })
    }
    if (all.length > 1) {
      report({ code: 'structure', message: `legalAuthenticator est présent ${all.length} fois (cardinalité [1..1]).`, at: all[1], params: { found: all.length } })
    }
  },
})
