import { step, type StepDefinition } from '../harness/index.ts'
import { socialDocumentType } from './fixtures/document-types.ts'
import type { TestIdentity } from './fixtures/identities.ts'

/**
 * How long the harness keeps watching for traffic that must not come, once the DUI has answered:
 * a DUI that queues its sending (mail, DMP) would otherwise be judged before it sends.
 */
export const ABSENCE_WINDOW_MS = 1_000

/**
 * Steps most scenarios start with: file the usager, produce a document. The document id the
 * candidate returns is kept in the scenario state under `documentId` (or the given key).
 */
export function registerUsager(usager: TestIdentity): StepDefinition {
  return step('le DUI enregistre l\'usager avec son identité qualifiée', {
    id: 'register-usager',
    verifies: [],
    async run(ctx) {
      await ctx.trigger('identity.create', { usager })
    },
  })
}

/** Files an usager whose INS was only retrieved from the INSi (RECUP): the INS must not travel. */
export function registerUnqualifiedUsager(usager: TestIdentity): StepDefinition {
  return step('le DUI enregistre un usager dont l\'INS n\'est que récupéré (identité non qualifiée)', {
    id: 'register-unqualified-usager',
    verifies: [],
    async run(ctx) {
      await ctx.trigger('identity.create', { usager })
    },
  })
}

export function produceDocument(usager: Pick<TestIdentity, 'localId'>, title = 'Synthèse de l\'accompagnement', key = 'documentId'): StepDefinition {
  return step(`le DUI produit un document CDA N1 (PDF) « ${title} » pour l'usager`, {
    id: key === 'documentId' ? 'produce-document' : `produce-${key}`,
    verifies: [],
    async run(ctx) {
      const produced = await ctx.trigger('document.produce', {
        usager: usager.localId,
        format: 'cda-n1-pdf',
        title,
        typeCode: socialDocumentType,
      })
      const documentId = produced.ok ? produced.result['documentId'] : undefined
      if (typeof documentId !== 'string') ctx.fail('le DUI n\'a pas renvoyé l\'identifiant du document produit (result.documentId)')
      ctx.state.set(key, documentId)
    },
  })
}

/** How most scenarios start: file the usager (qualified identity), then produce a document for her. */
export function registerAndProduce(usager: TestIdentity): StepDefinition[] {
  return [registerUsager(usager), produceDocument(usager)]
}
