import { MANUAL_CHECK_ACTION } from '../core/manual-check.ts'
import { IDENTITY_STATUSES, isIdentityStatus } from '../validate/identity/status.ts'
import type { ManualBook } from './manual-book.ts'

type Params = Readonly<Record<string, unknown>>
type Instruction = (params: Params, book: ManualBook) => string

const ID_DOCUMENTS: Readonly<Record<string, string>> = {
  'carte-identite': 'carte nationale d\'identité',
  passeport: 'passeport',
  'titre-sejour': 'titre de séjour',
}

/**
 * What the operator must do in the DUI for each driver action (docs/driver-protocol.md), in
 * French, built from the action's params: one function per action. The keys are the actions
 * the manual driver declares.
 */
export const INSTRUCTIONS: Readonly<Record<string, Instruction>> = {
  'identity.create': (params) => {
    const usager = record(params['usager'])
    const traits = record(usager['traits'])
    const ins = record(usager['ins'])
    const status = usager['status']
    const insText = typeof ins['value'] === 'string' ? `, INS ${ins['value']} (OID ${String(ins['oid'])})` : ', sans INS'
    const statusText = isIdentityStatus(status) ? `${IDENTITY_STATUSES[status]} (${status})` : String(status)
    return (
      `Créez dans le DUI le dossier de l'usager ${String(traits['birthFamilyName'])} ${String(traits['birthGivenNames'] ?? traits['firstBirthGivenName'])} : ` +
      `nom de naissance ${String(traits['birthFamilyName'])}, prénoms de naissance ${String(traits['birthGivenNames'])} (premier prénom ${String(traits['firstBirthGivenName'])}), ` +
      `sexe ${sexLabel(traits['sex'])}, ${traits['sex'] === 'F' ? 'née' : traits['sex'] === 'M' ? 'né' : 'né(e)'} le ${frenchDate(traits['birthDate'])}, ` +
      `lieu de naissance (code INSEE) ${String(traits['birthPlaceCode'])}${insText}, statut de l'identité : ${statusText}. ` +
      `Référence de l'usager pour le banc : ${String(usager['localId'])}.`
    )
  },
  'identity.fetch-ins': (params, book) => `Dans le dossier de ${book.usager(params['usager'])}, lancez la recherche de l'INS par le téléservice INSi (recherche par les traits stricts).`,
  'identity.qualify': (params, book) => {
    const idDocument = record(params['idDocument'])
    const kind = ID_DOCUMENTS[String(idDocument['type'])] ?? String(idDocument['type'])
    return `Dans le dossier de ${book.usager(params['usager'])}, enregistrez le contrôle d'une pièce d'identité à haut niveau de confiance (${kind}) présentée par l'usager, et faites évoluer le statut de l'identité en conséquence.`
  },
  'document.produce': (params, book) => {
    const type = record(params['typeCode'])
    const format = params['format'] === 'cda-n1-pdf' ? 'au format CDA R2 non structuré (N1) contenant un PDF' : params['format'] === 'cda-structured' ? 'au format CDA R2 structuré' : `au format ${String(params['format'])}`
    // A model request names the model only: what it contains is what the harness checks.
    if (typeof params['model'] === 'string') return `Produisez pour ${book.usager(params['usager'])} un document du modèle « ${params['model']} » ${format} (table « Modèles de documents » de docs/driver-protocol.md).`
    return `Produisez pour ${book.usager(params['usager'])} le document « ${String(params['title'])} » de type « ${String(type['displayName'])} » (code ${String(type['code'])}), ${format}.`
  },
  'document.revise': (params, book) => `Produisez une nouvelle version du ${book.document(params['documentId'])}, intitulée « ${String(params['title'])} », qui remplace la précédente.`,
  'dmp.share': (params, book) => {
    const transport = params['transport'] === 'xds' ? ' par le service XDS.b (transaction ITI-41)' : params['transport'] === 'pdsm' ? ' par le service FHIR PDSm (transaction ITI-65)' : ''
    return `Partagez le ${book.document(params['documentId'])} dans le DMP de ${book.usager(params['usager'])}${transport}.`
  },
  'dmp.search': (params, book) => `Affichez la liste des documents présents dans le DMP de ${book.usager(params['usager'])}.`,
  'dmp.mask': (params, book) => `Dans le DMP, masquez le ${book.document(params['documentId'])} aux professionnels de santé.`,
  'dmp.unmask': (params, book) => `Dans le DMP, levez le masquage du ${book.document(params['documentId'])}.`,
  'dmp.archive': (params, book) => `Archivez le ${book.document(params['documentId'])} dans le DMP.`,
  'dmp.delete': (params, book) => `Supprimez le ${book.document(params['documentId'])} du DMP.`,
  'mssante.send': (params, book) => {
    const to = params['toPatient'] === true ? 'à l\'usager lui-même, dans sa messagerie Mon espace santé (adresse construite depuis son INS)' : `à l'adresse MSSanté ${String(params['to'])}`
    const mdn = params['requestMdn'] === true ? ', en demandant un accusé de traitement' : ''
    return `Envoyez par MSSanté le ${book.document(params['documentId'])} de ${book.usager(params['usager'])} ${to}${mdn}.`
  },
  'mssante.fetch': () => 'Relevez la boîte aux lettres MSSanté du DUI et traitez les messages reçus (classement des documents, accusés de traitement, avis de non-remise).',
  'psc.login': () => 'Connectez-vous au DUI avec Pro Santé Connect (déconnectez-vous d\'abord si une session est ouverte) et suivez la connexion jusqu\'au retour dans le DUI.',
  'annuaire.search': (params) => `Recherchez dans l'Annuaire Santé le correspondant ${String(params['given'])} ${String(params['family'])} et retenez son adresse MSSanté.`,
  [MANUAL_CHECK_ACTION]: (params) => `Vérification manuelle ${String(params['requirement'])} : regardez le DUI et capturez l'écran qui montre que ${String(params['look'])}.`,
}

/** The actions the manual driver declares: every action of the protocol, and the manual checks. */
export const MANUAL_ACTIONS: readonly string[] = Object.keys(INSTRUCTIONS)

/** A params field read as an object (empty when it is not one): params come from scenarios, untyped. */
export function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function sexLabel(sex: unknown): string {
  return sex === 'F' ? 'féminin' : sex === 'M' ? 'masculin' : String(sex)
}

/** `1979-03-28` → `28/03/1979`; anything else as given. */
export function frenchDate(value: unknown): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value))
  return match ? `${match[3]}/${match[2]}/${match[1]}` : String(value)
}
