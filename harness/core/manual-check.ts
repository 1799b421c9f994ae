import { step, type StepDefinition } from './scenario.ts'

/**
 * The pseudo-action a driver declares when a person watches the DUI (the manual driver): the
 * harness then pauses at a manual check so the verifier can look and capture the screen.
 */
export const MANUAL_CHECK_ACTION = 'manual.check'

/**
 * A step that marks where, in a scenario, a verifier must look at the DUI for a requirement the
 * wire cannot show (display, ergonomics). It never passes: it ends `skip` with « preuve manuelle
 * attendue », and is optional so it neither blocks the next steps nor changes the verdict.
 * `look` is a French sentence: what the screen must show at this point.
 */
export function manualCheck(requirement: string, look: string): StepDefinition {
  return step(`le vérificateur constate à l'écran : ${look}`, {
    id: `manual-${requirement.toLowerCase()}`,
    verifies: [requirement],
    optional: true,
    async run(ctx) {
      let said = ''
      if (ctx.can(MANUAL_CHECK_ACTION)) {
        const answer = await ctx.trigger(MANUAL_CHECK_ACTION, { requirement, look }, { tolerateFailure: true })
        const remark = answer.ok ? answer.result['remark'] : answer.error
        if (typeof remark === 'string' && remark !== '') said = ` (l'opérateur ${answer.ok ? 'note' : 'signale'} : « ${remark} »)`
      }
      ctx.skip(`preuve manuelle attendue (${requirement}) : ${look}${said}`)
    },
  })
}
