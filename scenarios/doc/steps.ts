import { step, validateCda, type Issue, type StepContext, type StepDefinition } from '../../harness/index.ts'
import { issuesOf } from '../dmp/steps.ts'
import type { TestIdentity } from '../fixtures/identities.ts'

/** A document model the harness asks the DUI for, and how the harness recognises it on arrival. */
export interface DocumentModelRequest {
  /** `model` of `document.produce` (docs/driver-protocol.md). */
  readonly model: string
  readonly format: 'cda-structured' | 'cda-n1-pdf'
  /** The médico-social type the built-in CDA rules must recognise in the document received. */
  readonly kind: string
  /** Our requirement for this model (scenarios/requirements/doc.json). */
  readonly requirement: string
  /** French name, with its article, for messages. */
  readonly label: string
  /** What identifies the model, for messages. */
  readonly expected: string
}

export const MODELS = {
  dlu: { model: 'dlu', format: 'cda-structured', kind: 'dlu', requirement: 'DOC-010', label: 'le DLU (document de liaison d\'urgence)', expected: 'templateId 1.2.250.1.213.1.1.1.22, code 74207-2' },
  fludt: { model: 'fludt', format: 'cda-structured', kind: 'fludt', requirement: 'DOC-011', label: 'la FLUDT (transfert vers les urgences)', expected: 'templateId 1.2.250.1.213.1.1.1.23, code 74207-2' },
  fludr: { model: 'fludr', format: 'cda-structured', kind: 'fludr', requirement: 'DOC-011', label: 'la FLUDR (retour des urgences)', expected: 'templateId 1.2.250.1.213.1.1.1.24, code 74207-2' },
  vsm: { model: 'vsm', format: 'cda-structured', kind: 'vsm', requirement: 'DOC-012', label: 'le VSM (volet de synthèse médicale)', expected: 'templateId 1.2.250.1.213.1.1.1.13, code SYNTH' },
  ipsFrDlu: { model: 'ips-fr-dlu', format: 'cda-structured', kind: 'ips-fr-dlu', requirement: 'DOC-014', label: 'l\'IPS-FR au format DLU', expected: 'templateId 1.2.250.1.213.1.1.1.51, code 74207-2' },
  entryLetter: { model: 'lettre-liaison-entree', format: 'cda-n1-pdf', kind: 'ldl-esms-entree', requirement: 'DOC-013', label: 'la lettre de liaison d\'entrée en structure sociale ou médico-sociale', expected: 'code LOINC 88348-8' },
  exitLetter: { model: 'lettre-liaison-sortie', format: 'cda-n1-pdf', kind: 'ldl-esms-sortie', requirement: 'DOC-013', label: 'la lettre de liaison à la sortie d\'une structure sociale ou médico-sociale', expected: 'code LOINC 83981-1' },
  personalisedProject: { model: 'projet-personnalise', format: 'cda-n1-pdf', kind: 'projet-personnalise', requirement: 'DOC-015', label: 'le projet personnalisé d\'accompagnement', expected: 'code LOINC 80788-3' },
} as const satisfies Record<string, DocumentModelRequest>

/** The CDA rules every shared CI-SIS document goes through, besides its model's own (and DOC-006 for an N1). */
const CDA_REQUIREMENTS = ['DOC-001', 'DOC-003', 'DOC-004', 'DOC-005', 'DOC-007']

/** Asks the DUI for a document of `request`'s model; its id is kept under `key`. */
export function produceModelDocument(usager: Pick<TestIdentity, 'localId'>, request: DocumentModelRequest, key: string): StepDefinition {
  return step(`le DUI produit ${request.label} de l'usager`, {
    id: `produce-${key}`,
    verifies: [],
    async run(ctx) {
      const produced = await ctx.trigger('document.produce', { usager: usager.localId, model: request.model, format: request.format })
      const documentId = produced.ok ? produced.result['documentId'] : undefined
      if (typeof documentId !== 'string') ctx.fail('le DUI n\'a pas renvoyé l\'identifiant du document produit (result.documentId)')
      ctx.state.set(key, documentId)
    },
  })
}

/**
 * Shares the document in the DMP (ITI-65) and judges what arrived: the CI-SIS rules the DMP ran
 * on the CDA (the model's own included), and that the document is the model asked for.
 */
export function shareModelDocument(usager: TestIdentity, request: DocumentModelRequest, key: string): StepDefinition {
  return step(`le DUI partage ${request.label} dans le DMP ; le document est conforme à son modèle`, {
    id: `share-${key}`,
    verifies: [request.requirement, ...CDA_REQUIREMENTS, ...(request.format === 'cda-n1-pdf' ? ['DOC-006'] : [])],
    async run(ctx) {
      const shared = await ctx.trigger('dmp.share', { usager: usager.localId, documentId: ctx.state.get(key), transport: 'pdsm' }, { tolerateFailure: true })
      const exchange = await ctx.expectTraffic(
        `aucune transaction ITI-65 reçue par le DMP pour l'INS ${usager.ins.value}${shared.ok ? '' : ` (le DUI signale : ${shared.error})`}`,
        (signal) => ctx.mocks.dmp.next('ITI-65', usager.ins.value, signal),
      )
      ctx.check([...issuesOf(exchange), ...(await modelIssues(ctx, exchange, request))], `le document partagé (${request.label}) n'est pas conforme`)
      if (exchange.meta['accepted'] !== true) ctx.fail('le DMP n\'a pas accepté le document (ITI-65)')
      if (!shared.ok) ctx.fail(`le DMP a accepté le document mais le DUI signale un échec : ${shared.error}`)
    },
  })
}

/** The document the DMP stored must be recognised as the model asked for (its code and templateId). */
async function modelIssues(ctx: StepContext, exchange: { meta: Record<string, unknown>; evidenceId: string }, request: DocumentModelRequest): Promise<Issue[]> {
  const uniqueId = (exchange.meta['stored'] as string[] | undefined)?.[0]
  const stored = uniqueId ? ctx.mocks.dmp.registry.byUniqueId(uniqueId) : undefined
  if (!stored) return [] // refused: the DMP's findings say why
  const header = (await validateCda(stored.bytes)).header
  if (header?.medicoSocialType === request.kind) return []
  const code = header?.typeCode
  return [
    {
      severity: 'error',
      code: 'code-invalid',
      rule: 'doc/requested-model',
      requirement: request.requirement,
      message: `Le DUI devait produire ${request.label} (${request.expected}) ; le document partagé n'est pas reconnu comme tel (code « ${code?.code ?? ''} » « ${code?.displayName ?? ''} », système ${code?.codeSystem ?? 'absent'}).`,
      location: { path: '/ClinicalDocument/code' },
      evidence: exchange.evidenceId,
      params: { expected: request.kind, found: header?.medicoSocialType ?? null, code: code ?? null },
    },
  ]
}
