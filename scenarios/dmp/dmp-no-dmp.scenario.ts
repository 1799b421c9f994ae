import { defineScenario, step, type Issue } from '../../harness/index.ts'
import { dmpAbsentUsager as usager } from '../fixtures/dmp-identities.ts'
import { registerAndProduce } from '../shared-steps.ts'

const RULE = 'dmp/check-before-feed'

/** A patient without DMP: the DUI checks (TD0.2), sends nothing, and tells the user. */
export default defineScenario({
  id: 'dmp-no-dmp',
  title: 'Ne pas alimenter le DMP d\'un usager qui n\'en a pas',
  description: 'Le simulateur répond que l\'usager n\'a pas de DMP. Le DUI doit le vérifier (TD0.2) avant d\'envoyer, ne rien envoyer et signaler l\'échec à l\'utilisateur.',
  section: 'DMP',
  verifies: [],
  steps: [
    ...registerAndProduce(usager),
    step('le DUI vérifie l\'existence du DMP et n\'envoie pas le document', {
      id: 'check-before-feed',
      verifies: ['DMP-014'],
      async run(ctx) {
        ctx.mocks.dmp.inject({ kind: 'no-dmp', ins: usager.ins.value })
        const shared = await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get('documentId'), transport: 'pdsm' }, { tolerateFailure: true })
        const traffic = [...ctx.mocks.dmp.fhir.log.all(), ...ctx.mocks.dmp.xds.log.all()].filter((exchange) => String(exchange.meta['patientIns'] ?? '').endsWith(usager.ins.value) || exchange.request.body.includes(usager.ins.value))
        const issues: Issue[] = []
        const checked = traffic.find((exchange) => exchange.meta['transaction'] === 'TD0.2')
        const fed = traffic.filter((exchange) => exchange.meta['transaction'] === 'ITI-65' || exchange.meta['transaction'] === 'ITI-41')
        if (!checked) issues.push(issue('le DUI n\'a pas vérifié l\'existence du DMP (TD0.2) avant de l\'alimenter'))
        for (const exchange of fed) {
          ctx.attach(exchange.evidenceId)
          issues.push(issue(`le DUI a envoyé le document (${String(exchange.meta['transaction'])}) au DMP d'un usager qui n'en a pas`, exchange.evidenceId))
        }
        if (shared.ok) issues.push(issue('le DUI a déclaré l\'envoi réussi alors que l\'usager n\'a pas de DMP'))
        if (checked) ctx.attach(checked.evidenceId)
        ctx.check(issues, 'le DUI n\'a pas respecté l\'absence de DMP')
      },
    }),
  ],
})

function issue(message: string, evidence?: string): Issue {
  return { severity: 'error', code: 'processing', rule: RULE, requirement: 'DMP-014', message, location: { path: 'trafic DMP' }, ...(evidence ? { evidence } : {}) }
}
