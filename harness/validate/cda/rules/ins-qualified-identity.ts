import { attr, defineCdaRule, select } from '../context.ts'
import { findConcept, insOids } from '../value-sets.ts'

export const insQualifiedIdentity = defineCdaRule({
  id: 'cda/ins-qualified-identity',
  requirements: ['DOC-008'],
  description: 'L’INS n’est transmise que pour une identité qualifiée, et c’est celle de l’identité du DUI (vérifiable quand le statut d’identité est connu).',
  appliesTo: (ctx) => ctx.options.identity !== undefined,
  check(ctx, report) {
    const identity = ctx.options.identity
    if (!identity) return
    const insId = select(ctx, 'cda:recordTarget/cda:patientRole/cda:id').find((id) => findConcept(insOids, attr(id, 'root')))
    if (insId && identity.status !== 'qualifiee') {
      report({
        code: 'security',
        message: `Le document transmet une INS alors que l’identité du patient n’est pas qualifiée (statut « ${identity.status} ») : l’INS ne doit être transmise que pour une identité qualifiée.`,
        at: insId,
        params: { status: identity.status, ins: attr(insId, 'extension') },
      })
    }
    if (insId && identity.ins !== undefined && attr(insId, 'extension') !== identity.ins) {
      report({
        code: 'value',
        message: `L’INS du document (« ${attr(insId, 'extension') ?? ''} ») n’est pas celle de l’identité du patient (« ${identity.ins} »).`,
        at: insId,
        params: { expected: identity.ins, actual: attr(insId, 'extension') },
      })
    }
    if (!insId && identity.status === 'qualifiee') {
      report({ severity: 'warning', code: 'required', message: 'L’identité du patient est qualifiée mais le document ne porte pas son INS.', at: select(ctx, 'cda:recordTarget/cda:patientRole')[0] })
    }
  },
})
