import { ABSENCE_WINDOW_MS, produceDocument } from '../shared-steps.ts'
import { defineScenario, step } from '../../harness/index.ts'
import { findInsInText, insTransmissionIssues } from '../../harness/validate/identity/index.ts'
import type { HttpExchange } from '../../mocks/index.ts'
import { zoeAdrun as usager } from '../fixtures/insi-identities.ts'
import { documentsSentToDmp, insInsideDocuments } from './ins-inside-documents.ts'

/** Each recorded request as text (URL and body), where an INS would show. */
function requestsTo(exchanges: readonly HttpExchange[]): { text: string; where: string; evidenceId: string }[] {
  return exchanges.map((exchange) => ({
    text: `${decodeURIComponent(exchange.request.url)}\n${exchange.request.body.toString('utf8')}`,
    where: `${exchange.request.method} ${exchange.request.path}${exchange.handler ? ` (${exchange.handler})` : ''}`,
    evidenceId: exchange.evidenceId,
  }))
}

/**
 * An usager whose identity is only « récupérée » (RECUP): the DUI must not send her INS, so it
 * cannot feed the DMP for her. The harness watches the DMP for any submission carrying it.
 * (ins-mssante-unqualified does the same for MSSanté.)
 */
export default defineScenario({
  id: 'ins-not-transmitted-unqualified',
  title: 'Ne pas transmettre l\'INS d\'une identité non qualifiée',
  description:
    'Le DUI récupère l\'INS d\'un usager par l\'INSi (statut « récupérée », pièce d\'identité non contrôlée), ' +
    'produit un document pour lui puis reçoit la demande de le partager dans le DMP. L\'identité n\'étant pas ' +
    'qualifiée, l\'INS ne doit apparaître dans aucun flux sortant : le banc vérifie qu\'aucune requête au DMP ' +
    'ne le porte, ni dans ses métadonnées (INS-005) ni dans un document CDA qu\'elle transmettrait (DOC-008).',
  section: 'INS',
  concurrent: true,
  verifies: [],
  steps: [
    step('le DUI enregistre l\'usager et récupère son INS par l\'INSi (statut « récupérée »)', {
      id: 'register-and-fetch',
      verifies: [],
      async run(ctx) {
        await ctx.trigger('identity.create', { usager: { localId: usager.localId, status: usager.status, traits: usager.traits } })
        await ctx.trigger('identity.fetch-ins', { usager: usager.localId })
        const exchange = await ctx.expectTraffic(`aucun appel au téléservice INSi pour ${usager.traits.birthFamilyName}`, (signal) => ctx.mocks.insi.nextSearch(usager.traits.birthFamilyName, signal))
        if (exchange.meta.code !== '00') ctx.fail(`l'INSi a répondu ${exchange.meta.code ? `CR ${exchange.meta.code}` : `par l'erreur ${exchange.meta.fault ?? '?'}`} : l'INS n'a pas pu être récupéré`)
      },
    }),
    produceDocument(usager, 'Projet personnalisé d\'accompagnement'),
    step('le DUI ne transmet pas l\'INS de l\'identité récupérée au DMP', {
      id: 'no-ins-to-dmp',
      // INS-005: metadata and transport; DOC-008: inside the CDA documents (base64 in an ITI-65).
      verifies: ['INS-005', 'DOC-008'],
      async run(ctx) {
        const ins = usager.insi.found!.ins.value
        await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get('documentId'), transport: 'pdsm' }, { tolerateFailure: true })
        // Whatever the transaction (TD0.2 check, ITI-65, XDS.b), no request may carry the INS.
        await new Promise((resolve) => setTimeout(resolve, ABSENCE_WINDOW_MS))
        const sightings = [
          ...requestsTo(ctx.mocks.dmp.fhir.log.all()).flatMap((exchange) => findInsInText(exchange.text, ins, 'pdsm-patient', exchange.where, exchange.evidenceId)),
          ...requestsTo(ctx.mocks.dmp.xds.log.all()).flatMap((exchange) => findInsInText(exchange.text, ins, 'xds-patient-id', exchange.where, exchange.evidenceId)),
        ]
        for (const sighting of sightings) if (sighting.evidence) ctx.attach(sighting.evidence)
        const insideDocuments = await insInsideDocuments(documentsSentToDmp(ctx.mocks.dmp.fhir.log.all()), { localId: usager.localId, ins, status: 'recuperee' })
        for (const issue of insideDocuments) if (issue.evidence) ctx.attach(issue.evidence)
        ctx.check([...insTransmissionIssues('RECUP', ins, sightings), ...insideDocuments], 'le DUI a transmis au DMP l\'INS d\'une identité non qualifiée')
      },
    }),
  ],
})
