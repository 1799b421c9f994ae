import { isUtf8 } from 'node:buffer'
import { child, parseXml, path, type XmlElement } from './soap-xml.ts'

/** Namespaces of the INSi téléservice (brief §7, TLSI fixtures). */
export const INSI_NS = {
  soap12: 'http://www.w3.org/2003/05/soap-envelope',
  soap11: 'http://schemas.xmlsoap.org/soap/envelope/',
  wsa: 'http://www.w3.org/2005/08/addressing',
  ctxlps: 'urn:siram:lps:ctxlps',
  ctxbam: 'urn:siram:bam:ctxbam',
  recSans: 'http://www.cnamts.fr/INSiRecSans',
  recVit: 'http://www.cnamts.fr/INSiRecVit',
  resultat: 'http://www.cnamts.fr/INSiResultat',
} as const

/** WS-Addressing actions of the two INSi operations. */
export const INSI_ACTIONS = {
  traits: 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite',
  vitale: 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecCarteVitale',
} as const

/** The traits of a `RECSANSVITALE` request, as sent (absent fields undefined). */
export interface InsiSearchTraits {
  readonly birthFamilyName?: string
  readonly firstGivenName?: string
  readonly sex?: string
  readonly birthDate?: string
  readonly birthPlaceCode?: string
}

/** An INSi request read from raw bytes: what the rules and the simulator look at. */
export type InsiRequest =
  | { readonly ok: false; readonly problem: 'xml' | 'envelope'; readonly reason: string }
  | {
      readonly ok: true
      readonly envelope: XmlElement
      readonly header?: XmlElement
      readonly body?: XmlElement
      /** First element of the Body: `RECSANSVITALE`, `RECVITALE`... */
      readonly operation?: XmlElement
      readonly action?: string
      readonly traits?: InsiSearchTraits
    }

/** Reads a SOAP 1.2 INSi request; never throws on bad input. */
export function readInsiRequest(raw: Buffer | string): InsiRequest {
  // Decoding would silently turn bad bytes into U+FFFD inside a trait.
  if (typeof raw !== 'string' && !isUtf8(raw)) return { ok: false, problem: 'xml', reason: 'le message n\'est pas encodé en UTF-8 valide (octets invalides) : le téléservice attend du XML en UTF-8' }
  const parsed = parseXml(typeof raw === 'string' ? raw : raw.toString('utf8'))
  if (!parsed.ok) return { ok: false, problem: 'xml', reason: parsed.reason }
  const envelope = parsed.root
  if (envelope.local !== 'Envelope') return { ok: false, problem: 'envelope', reason: `l'élément racine est « ${envelope.local} », une enveloppe SOAP (Envelope) est attendue` }
  if (envelope.ns === INSI_NS.soap11) return { ok: false, problem: 'envelope', reason: 'enveloppe SOAP 1.1 : le téléservice INSi attend SOAP 1.2 (http://www.w3.org/2003/05/soap-envelope)' }
  if (envelope.ns !== INSI_NS.soap12) return { ok: false, problem: 'envelope', reason: `espace de noms d'enveloppe « ${envelope.ns} » ; SOAP 1.2 attendu (${INSI_NS.soap12})` }
  const header = child(envelope, INSI_NS.soap12, 'Header')
  const body = child(envelope, INSI_NS.soap12, 'Body')
  const operation = body?.children[0]
  const action = child(header, INSI_NS.wsa, 'Action')?.text
  const traits = operation && operation.ns === INSI_NS.recSans && operation.local === 'RECSANSVITALE' ? readTraits(operation) : undefined
  return {
    ok: true,
    envelope,
    ...(header ? { header } : {}),
    ...(body ? { body } : {}),
    ...(operation ? { operation } : {}),
    ...(action ? { action } : {}),
    ...(traits ? { traits } : {}),
  }
}

function readTraits(operation: XmlElement): InsiSearchTraits {
  const read = (local: string) => path(operation, INSI_NS.recSans, local)?.text || undefined
  const traits: Record<string, string | undefined> = {
    birthFamilyName: read('NomNaissance'),
    firstGivenName: read('Prenom'),
    sex: read('Sexe'),
    birthDate: read('DateNaissance'),
    birthPlaceCode: read('LieuNaissance'),
  }
  return Object.fromEntries(Object.entries(traits).filter(([, value]) => value !== undefined)) as InsiSearchTraits
}
