import { MANUAL_CHECK_ACTION } from '../core/manual-check.ts'
import { IDENTITY_STATUSES } from '../validate/identity/status.ts'
import type { ManualBook } from './manual-book.ts'
import { record } from './manual-instructions.ts'

type Params = Readonly<Record<string, unknown>>

/** The operator as the answer dialogues see it: one question, one line. */
export interface Operator {
  ask(prompt: string): Promise<string>
  say(text: string): void
}

/** The operator typed `!…`: the DUI showed an error; the action's result is `{ ok: false }`. */
export class DuiReportedFailure extends Error {
  override readonly name = 'DuiReportedFailure'
}

type Answers = (params: Params, book: ManualBook, operator: Operator) => Promise<Record<string, unknown>>

const INS_NATURES: Readonly<Record<string, string>> = {
  NIR: '1.2.250.1.213.1.4.8',
  NIA: '1.2.250.1.213.1.4.9',
  TEST: '1.2.250.1.213.1.4.10',
  DEMO: '1.2.250.1.213.1.4.11',
}

const INSI_ANSWERS: Readonly<Record<string, { outcome: string; cr: string }>> = {
  '00': { outcome: 'found', cr: '00' },
  '01': { outcome: 'not-found', cr: '01' },
  '02': { outcome: 'multiple', cr: '02' },
}

const STATUS_CHOICES = Object.fromEntries(Object.keys(IDENTITY_STATUSES).map((status) => [status, status]))

/**
 * How the manual driver reads the result of an action from the operator, for the actions whose
 * result the scenarios look at (docs/driver-protocol.md: `result`). The other actions have no
 * entry: their effect is traffic, which the step awaits on the simulators.
 */
export const ANSWERS: Readonly<Record<string, Answers>> = {
  'identity.create': async (params, book, operator) => {
    const usager = record(params['usager'])
    const traits = record(usager['traits'])
    await operator.ask('Appuyez sur Entrée quand le dossier de l\'usager est enregistré')
    book.addUsager({ localId: String(usager['localId']), family: String(traits['birthFamilyName']), given: String(traits['firstBirthGivenName']) })
    return { localId: usager['localId'] }
  },
  'identity.fetch-ins': async (_params, _book, operator) => {
    const answer = await choice(operator, 'Réponse de l\'INSi affichée par le DUI : 00 (identité trouvée), 01 (aucune identité), 02 (plusieurs identités)', INSI_ANSWERS)
    const status = await choice(operator, 'Statut de l\'identité affiché maintenant : PROV, RECUP, VALI ou QUAL', STATUS_CHOICES)
    if (answer.cr !== '00') return { ...answer, status }
    const value = await operator.ask('Matricule INS affiché (15 caractères)')
    const oid = await choice(operator, 'Nature de l\'INS affichée : NIR, NIA, TEST (NIR de test) ou DEMO (NIR de démonstration)', INS_NATURES)
    const traits = {
      birthFamilyName: await operator.ask('Nom de naissance affiché'),
      firstBirthGivenName: await operator.ask('Premier prénom de naissance affiché'),
      birthGivenNames: await operator.ask('Prénoms de naissance affichés (tous, séparés par des espaces)'),
      sex: await choice(operator, 'Sexe affiché : F ou M', { F: 'F', M: 'M' }),
      birthDate: await isoDate(operator, 'Date de naissance affichée (JJ/MM/AAAA)'),
      birthPlaceCode: await operator.ask('Lieu de naissance affiché (code INSEE)'),
    }
    return { ...answer, status, ins: { value, oid }, traits }
  },
  'identity.qualify': async (_params, _book, operator) => ({ status: await choice(operator, 'Statut de l\'identité affiché maintenant : PROV, RECUP, VALI ou QUAL', STATUS_CHOICES) }),
  'document.produce': async (params, book, operator) => {
    const documentId = await documentReference(operator, book)
    book.addDocument({ documentId, title: String(params['title']), usager: String(params['usager']) })
    return { documentId }
  },
  'document.revise': async (params, book, operator) => {
    const usager = book.usagerOf(params['documentId'])
    const documentId = await documentReference(operator, book)
    book.addDocument({ documentId, title: String(params['title']), ...(usager ? { usager } : {}) })
    return { documentId }
  },
  'dmp.search': async (_params, _book, operator) => {
    const line = await operator.ask('Identifiants uniques (OID) des documents que le DUI liste, séparés par des espaces (Entrée : aucun)')
    return { documents: words(line).map((uniqueId) => ({ uniqueId: uniqueId.replace(/^urn:oid:/, '') })) }
  },
  'mssante.fetch': async (_params, _book, operator) => {
    operator.say(
      'Décrivez chaque message relevé, une ligne par message, puis une ligne vide :\n' +
        '  document <Message-ID> <référence de l\'usager où le document est classé>\n' +
        '  accuse <Message-ID de l\'accusé> <Message-ID du message d\'origine>\n' +
        '  non-remise <Message-ID de l\'avis> <Message-ID du message d\'origine>\n' +
        '  autre <Message-ID>',
    )
    const messages: Record<string, unknown>[] = []
    for (;;) {
      const line = await operator.ask(`Message ${messages.length + 1} (ligne vide pour terminer)`)
      if (line === '') return { messages }
      const parsed = fetchedMessage(line)
      if (parsed) messages.push(parsed)
      else operator.say('  ligne non reconnue : attendu « document », « accuse », « non-remise » ou « autre » suivi des identifiants')
    }
  },
  'psc.login': async (_params, _book, operator) => {
    const opened = await choice(operator, 'Le DUI a-t-il ouvert la session ? o (oui) ou n (non)', { o: true, n: false })
    if (!opened) throw new DuiReportedFailure((await operator.ask('Message affiché par le DUI')) || 'le DUI a refusé la connexion')
    return {
      nationalId: await operator.ask('Identifiant national du professionnel affiché par le DUI'),
      familyName: await operator.ask('Nom d\'exercice affiché'),
      givenName: await operator.ask('Prénom d\'exercice affiché'),
    }
  },
  'annuaire.search': async (_params, _book, operator) => ({ mssanteAddress: await operator.ask('Adresse MSSanté du correspondant retenue par le DUI') }),
  [MANUAL_CHECK_ACTION]: async (_params, _book, operator) => ({ remark: await operator.ask('Appuyez sur Entrée quand la capture est faite (ou tapez une remarque ; « ! » suivi du problème si l\'écran ne le montre pas)') }),
}

/** Asks until the answer is one of `choices` (case-insensitive). */
async function choice<T>(operator: Operator, prompt: string, choices: Readonly<Record<string, T>>): Promise<T> {
  for (;;) {
    const answer = await operator.ask(prompt)
    const key = Object.keys(choices).find((candidate) => candidate.toLowerCase() === answer.toLowerCase())
    if (key !== undefined) return choices[key]!
    operator.say(`  réponse non reconnue « ${answer} » : attendu ${Object.keys(choices).join(', ')}`)
  }
}

/** Asks for a date typed `JJ/MM/AAAA` (or `AAAA-MM-JJ`) and gives it as `AAAA-MM-JJ`. */
async function isoDate(operator: Operator, prompt: string): Promise<string> {
  for (;;) {
    const answer = await operator.ask(prompt)
    const french = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(answer)
    if (french) return `${french[3]}-${french[2]}-${french[1]}`
    if (/^\d{4}-\d{2}-\d{2}$/.test(answer)) return answer
    operator.say(`  date non reconnue « ${answer} » : attendu JJ/MM/AAAA`)
  }
}

async function documentReference(operator: Operator, book: ManualBook): Promise<string> {
  const proposed = book.nextDocumentId()
  return (await operator.ask(`Référence du document, reprise dans les consignes suivantes (Entrée : ${proposed})`)) || proposed
}

const FETCHED_KINDS: Readonly<Record<string, string>> = { document: 'document', accuse: 'mdn', accusé: 'mdn', mdn: 'mdn', 'non-remise': 'bounce', bounce: 'bounce', autre: 'other', other: 'other' }

/** One line of the `mssante.fetch` answer, as the protocol's `messages[]` entry. */
export function fetchedMessage(line: string): Record<string, unknown> | undefined {
  const [word, messageId, related] = words(line)
  const kind = FETCHED_KINDS[word?.toLowerCase() ?? '']
  if (!kind || !messageId) return undefined
  if (kind === 'other') return { kind, messageId }
  if (!related) return undefined
  return kind === 'document' ? { kind, messageId, usager: related } : { kind, messageId, originalMessageId: related }
}

function words(line: string): string[] {
  return line.split(/[\s,;]+/).filter(Boolean)
}
