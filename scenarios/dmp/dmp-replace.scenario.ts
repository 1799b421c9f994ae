import { checkReplacement, defineScenario, step, validateCda } from '../../harness/index.ts'
import { dmpReplaceUsager as usager } from '../fixtures/dmp-identities.ts'
import { produceDocument, registerUsager } from '../shared-steps.ts'
import { bundleDocuments, issuesOf, shareDocument } from './steps.ts'

/** Replaces a shared document by a new version (TD2.1 replacement through PDSm). */
export default defineScenario({
  id: 'dmp-replace',
  title: 'Remplacer dans le DMP un document par sa nouvelle version',
  description:
    'Le DUI partage un document, l\'usager ou le professionnel le corrige, et le DUI envoie la nouvelle ' +
    'version : elle doit déclarer la version qu\'elle remplace (relatesTo « replaces », relatedDocument ' +
    'RPLC dans le CDA) pour que le DMP rende la précédente obsolète.',
  section: 'DMP',
  concurrent: true,
  verifies: [],
  steps: [
    registerUsager(usager),
    produceDocument(usager, 'Projet personnalisé d\'accompagnement'),
    shareDocument(usager, 'pdsm'),
    step('le DUI produit une nouvelle version du document', {
      id: 'revise-document',
      verifies: [],
      async run(ctx) {
        const revised = await ctx.trigger('document.revise', { documentId: ctx.state.get('documentId'), title: 'Projet personnalisé d\'accompagnement (révisé)' })
        const documentId = revised.ok ? revised.result['documentId'] : undefined
        if (typeof documentId !== 'string') ctx.fail('le DUI n\'a pas renvoyé l\'identifiant de la nouvelle version (result.documentId)')
        ctx.state.set('revisedId', documentId)
      },
    }),
    step('le DUI remplace la version précédente dans le DMP', {
      id: 'replace-previous-version',
      verifies: ['DMP-010', 'DOC-009'],
      async run(ctx) {
        const previous = ctx.state.get('documentId:uniqueId')
        if (typeof previous !== 'string') return ctx.fail('identifiant unique de la première version inconnu')
        await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get('revisedId'), transport: 'pdsm' }, { tolerateFailure: true })
        const exchange = await ctx.expectTraffic(`aucune nouvelle version reçue par le DMP pour l'INS ${usager.ins.value}`, (signal) => ctx.mocks.dmp.next('ITI-65', usager.ins.value, signal))
        ctx.check(issuesOf(exchange), 'la transaction ITI-65 de la nouvelle version n\'est pas conforme')
        const bundle = JSON.parse(exchange.request.body.toString('utf8')) as Record<string, unknown>
        const [document] = bundleDocuments(exchange)
        const header = document ? (await validateCda(document)).header : undefined
        const related = header?.relatedDocument
        const cda = related ? { ...(related.typeCode ? { typeCode: related.typeCode } : {}), ...(related.parentId?.root ? { parentRoot: related.parentId.root } : {}) } : undefined
        ctx.check(checkReplacement(bundle, previous, cda), 'la nouvelle version ne déclare pas correctement la version qu\'elle remplace')
      },
    }),
  ],
})
