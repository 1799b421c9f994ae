import { DmpClient } from '../dmp-client.ts'
import type { ProducedDocument } from '../documents.ts'
import type { Action, Dui } from '../dui.ts'
import { buildProvideBundle } from '../pdsm-bundle.ts'
import type { Usager } from '../usagers.ts'
import { provideRequest } from '../xds/provide-request.ts'
import { XdsClient, type RegistryEntry } from '../xds/xds-client.ts'

const STATUS = {
  approved: 'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved',
  archived: 'urn:asip:ci-sis:2010:StatusType:Archived',
  deleted: 'urn:asip:ci-sis:2010:StatusType:Deleted',
} as const

/** Sharing documents in the DMP and managing them there (TD0.2, TD2.1, TD3.1, TD3.3). */
export function dmpActions(dui: Dui): Record<string, Action> {
  const fhir = () => new DmpClient(dui.endpoints.dmp.fhir)
  const xds = () => {
    if (!dui.endpoints.dmp.xds) throw new Error('adresse du service XDS.b du DMP inconnue')
    return new XdsClient(dui.endpoints.dmp.xds, dui.mistakes)
  }
  const documentAndPatient = (params: Record<string, unknown>): { document: ProducedDocument; usager: Usager; ins: { value: string; oid: string } } => {
    const document = dui.documents.get(String(params['documentId']))
    const usager = dui.usagers.get(document.usagerId)
    if ((usager.status !== 'QUAL' && !dui.mistakes.insWithoutQualification) || !usager.ins) throw new Error(`l'identité de l'usager ${usager.localId} n'est pas qualifiée : le DMP ne peut pas être utilisé`)
    return { document, usager, ins: usager.ins }
  }
  /** The registry entry of one of our documents, found by its uniqueId (the entryUUID changes with each update). */
  const registryEntry = async (ins: { value: string; oid: string }, document: ProducedDocument, statuses: string[]): Promise<RegistryEntry> => {
    const entry = (await xds().findDocuments(ins, statuses)).find((candidate) => candidate.uniqueId === document.id)
    if (!entry) throw new Error(`le document ${document.localId} est introuvable dans le DMP`)
    return entry
  }

  return {
    'dmp.share': async (params) => {
      const { document, usager, ins } = documentAndPatient(params)
      if (!dui.mistakes.skipDmpCheck) {
        const state = await fhir().dmpState(ins)
        if (state !== 'active') throw new Error(state === 'closed' ? 'le DMP de l\'usager est fermé : document non envoyé' : 'l\'usager n\'a pas de DMP : document non envoyé')
      }
      const replaced = document.replacesLocalId ? dui.documents.get(document.replacesLocalId) : undefined
      if (params['transport'] === 'xds') {
        const replacedEntry = replaced && !dui.mistakes.replaceWithoutRelation ? (await registryEntry(ins, replaced, [STATUS.approved])).entryUuid : undefined
        const request = provideRequest(document, usager, replacedEntry, dui.mistakes)
        await xds().provide(ins, request.body, { contentId: request.contentId, bytes: document.cda })
        return { uniqueId: document.id }
      }
      const outcome = await fhir().provide(buildProvideBundle(document, usager, dui.mistakes, replaced))
      if (!outcome.ok) throw new Error(outcome.error)
      return { uniqueId: document.id, locations: outcome.locations }
    },
    'dmp.search': async (params) => {
      const usager = dui.usagers.get(String(params['usager']))
      if (!usager.ins || usager.status !== 'QUAL') throw new Error('identité non qualifiée : recherche dans le DMP impossible')
      const found = await fhir().findDocuments(usager.ins, dui.mistakes.searchWithoutStatus ? undefined : 'current')
      return { documents: found.map((reference) => ({ uniqueId: reference.masterIdentifier?.value?.replace(/^urn:oid:/, ''), title: reference.content[0]?.attachment.title, status: reference.status })) }
    },
    'dmp.mask': async (params) => setMask(params, true),
    'dmp.unmask': async (params) => setMask(params, false),
    'dmp.archive': async (params) => {
      const { document, ins } = documentAndPatient(params)
      const entry = await registryEntry(ins, document, [STATUS.approved])
      await xds().updateStatus(ins, entry, dui.mistakes.deleteInsteadOfArchive ? STATUS.deleted : STATUS.archived)
      return {}
    },
    'dmp.delete': async (params) => {
      const { document, ins } = documentAndPatient(params)
      const entry = await registryEntry(ins, document, [STATUS.approved, STATUS.archived])
      await xds().updateStatus(ins, entry, STATUS.deleted)
      return {}
    },
  }

  /** Masking to professionals keeps the confidentiality code N and adds (or removes) MASQUE_PS. */
  async function setMask(params: Record<string, unknown>, masked: boolean): Promise<Record<string, unknown>> {
    const { document, ins } = documentAndPatient(params)
    const reference = (await fhir().findDocuments(ins, 'current')).find((candidate) => candidate.masterIdentifier?.value === `urn:oid:${document.id}`)
    if (!reference?.id) throw new Error(`le document ${document.localId} est introuvable dans le DMP`)
    await fhir().setSecurityLabels(reference.id, masked ? ['N', dui.mistakes.maskCode ?? 'MASQUE_PS'] : ['N'])
    return {}
  }
}
