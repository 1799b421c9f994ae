import { readFileSync } from 'node:fs'
import { generate } from 'selfsigned'
import type { Mistakes } from '../defects/index.ts'
import type { Action, Dui, SessionEndpoints } from '../dui.ts'
import { InsiClient, type InsiTls } from '../insi-client.ts'
import type { Usager } from '../usagers.ts'

type Status = Usager['status']

/** RNIV: the INSi answer and a high-trust ID document are two proofs; QUAL needs both. */
function nextStatus(current: Status, proof: 'insi' | 'id-document'): Status {
  const insi = current === 'RECUP' || current === 'QUAL' || proof === 'insi'
  const document = current === 'VALI' || current === 'QUAL' || proof === 'id-document'
  return insi && document ? 'QUAL' : insi ? 'RECUP' : document ? 'VALI' : 'PROV'
}

/** The strict traits of a filed usager, as its identity screen shows them. */
function strictTraits(usager: Usager): Pick<Usager, 'birthFamilyName' | 'firstBirthGivenName' | 'birthGivenNames' | 'sex' | 'birthDate' | 'birthPlaceCode'> {
  const { birthFamilyName, firstBirthGivenName, birthGivenNames, sex, birthDate, birthPlaceCode } = usager
  return { birthFamilyName, firstBirthGivenName, birthGivenNames, sex, birthDate, birthPlaceCode }
}

/** ID documents of high trust level (RNIV): the only ones that validate an identity. */
const HIGH_TRUST_DOCUMENTS = ['passeport', 'carte-identite', 'titre-sejour']

/** The session may hand over the INSi client certificate (PEM paths) for mutual TLS. */
type WithInsiCertificate = SessionEndpoints & { readonly insiCertificate?: { readonly cert: string; readonly key: string } }

/** The test CA and the INSI-AUTO organisation certificate, as the session gives them. */
async function insiTls(endpoints: WithInsiCertificate, mistakes: Mistakes): Promise<InsiTls> {
  const certificate = endpoints.insiCertificate
  const client = mistakes.selfSignedInsiCertificate ? await developmentCertificate() : certificate ? { cert: readFileSync(certificate.cert, 'utf8'), key: readFileSync(certificate.key, 'utf8') } : undefined
  return {
    ...(endpoints.ca ? { ca: readFileSync(endpoints.ca, 'utf8') } : {}),
    ...(client ?? {}),
  }
}

/** A self-signed INSI-AUTO certificate, as a development set-up makes one: no authority issued it. */
async function developmentCertificate(): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: 'INSI-AUTO' }], { keyType: 'ec', curve: 'P-256', algorithm: 'sha256' })
  return { cert: pems.cert, key: pems.private }
}

/** Retrieving the INS from the INSi téléservice, and qualifying identities. */
export function insiActions(dui: Dui): Record<string, Action> {
  return {
    'identity.fetch-ins': async (params) => {
      const usager = dui.usagers.get(String(params['usager']))
      if (!dui.endpoints.insi) throw new Error('adresse du téléservice INSi inconnue pour cette session')
      const client = new InsiClient(dui.endpoints.insi, await insiTls(dui.endpoints, dui.mistakes), { ...(dui.mistakes.insiWithoutLpsContext ? { withoutLpsContext: true } : {}) })
      const answer = await client.searchByTraits(usager)
      if (answer.code !== '00') {
        const multiple = answer.code === '02' && !dui.mistakes.insiMultipleAsNotFound
        // CR 01/02: no INS; CR 02 asks the user to check the traits and search again.
        return { outcome: multiple ? 'multiple' : 'not-found', cr: answer.code, status: usager.status, message: multiple ? 'plusieurs identités trouvées : vérifiez les traits saisis' : 'aucune identité trouvée' }
      }
      // The INSi's strict traits replace the typed ones (RNIV); the screen shows what was stored.
      const traits = dui.mistakes.keepTypedTraits ? {} : answer.traits
      const status = dui.mistakes.statusUnchangedByInsi ? usager.status : nextStatus(usager.status, 'insi')
      const updated: Usager = { ...usager, ...traits, ins: answer.ins, status }
      dui.usagers.save(updated)
      return { outcome: 'found', cr: answer.code, status: updated.status, ins: updated.ins, traits: strictTraits(updated) }
    },
    'identity.qualify': (params) => {
      const usager = dui.usagers.get(String(params['usager']))
      const document = params['idDocument'] as { type?: string } | undefined
      if (!document?.type || !HIGH_TRUST_DOCUMENTS.includes(document.type)) {
        throw new Error(`pièce « ${document?.type ?? '(aucune)'} » : seule une pièce d'identité à haut niveau de confiance valide l'identité`)
      }
      const updated: Usager = { ...usager, status: nextStatus(usager.status, 'id-document') }
      dui.usagers.save(updated)
      return { status: updated.status }
    },
  }
}
