import { attr, defineCdaRule, select } from '../context.ts'
import { findConcept, insOids } from '../value-sets.ts'

// Legacy INS-A / INS-C roots (seen in a third-party DMP connector): no longer an INS.
const LEGACY_INS = ['1.2.250.1.213.1.4.1', '1.2.250.1.213.1.4.2']

export const insOid = defineCdaRule({
  id: 'cda/ins-oid',
  requirements: ['DOC-007'],
  description: 'INS du patient : une seule, portée par l’un des quatre OID INS (NIR, NIA, NIR de test, NIR de démonstration) avec son matricule en @extension ; pas d’ancien INS-A/INS-C.',
  check(ctx, report) {
    const ids = select(ctx, 'cda:recordTarget/cda:patientRole/cda:id')
    const ins = ids.filter((id) => findConcept(insOids, attr(id, 'root')))
    for (const id of ids) {
      const root = attr(id, 'root') ?? ''
      if (LEGACY_INS.includes(root)) {
        report({
          code: 'code-invalid',
          message: `patientRole/id/@root « ${root} » est celui d’un ancien identifiant INS-A/INS-C, qui n’est plus une INS : seuls ${insOids.concepts.map((c) => c.code).join(', ')} sont admis.`,
          at: id,
          params: { root, allowed: insOids.concepts.map((c) => c.code) },
        })
      }
    }
    for (const id of ins) {
      const extension = attr(id, 'extension')
      if (!extension) {
        report({ code: 'required', message: 'L’INS (patientRole/id) doit porter le matricule INS en @extension.', at: id })
      } else if (!/^[0-9]{5}(?:[0-9]{2}|2A|2B)[0-9]{8}$/.test(extension)) {
        report({ severity: 'warning', code: 'value', message: `Le matricule INS « ${extension} » n’a pas la forme attendue (15 caractères : NIR ou NIA et sa clé).`, at: id, params: { extension } })
      }
    }
    if (ins.length > 1) {
      report({ code: 'structure', message: `Le patient porte ${ins.length} INS ; une seule est admise.`, at: ins[1], params: { found: ins.length } })
    }
  },
})
