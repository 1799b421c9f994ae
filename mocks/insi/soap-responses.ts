import { randomUUID } from 'node:crypto'
import { INSI_CODE_LABELS, INSI_NS, type InsiCode } from '../../harness/validate/identity/index.ts'
import { INSI_FAULTS, type InsiFault } from './faults.ts'
import type { InsiTestIdentity } from './test-identities.ts'
import { escapeXml as xml } from '../xml-escape.ts'

export const SOAP12_CONTENT_TYPE = 'application/soap+xml; charset=utf-8'

/** RESULTAT of a traits search, as the téléservice writes it (TLSI fixtures REP_CR01, TEST_2.05). */
export function resultatEnvelope(code: InsiCode, row?: InsiTestIdentity): string {
  const individu = code === '00' && row?.found ? individuXml(row.found) : ''
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${INSI_NS.soap12}"><soap:Body><RESULTAT xmlns="${INSI_NS.resultat}"><CR><CodeCR>${code}</CodeCR><LibelleCR>${INSI_CODE_LABELS[code]}</LibelleCR></CR>${individu}</RESULTAT></soap:Body></soap:Envelope>`
}

function individuXml(found: NonNullable<InsiTestIdentity['found']>): string {
  const { ins, traits } = found
  return (
    `<INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>${ins.value.slice(0, 13)}</NumIdentifiant><Cle>${ins.value.slice(13)}</Cle></IdIndividu><OID>${ins.oid}</OID></INSACTIF>` +
    `<TIQ><NomNaissance>${xml(traits.birthFamilyName)}</NomNaissance><Prenom>${xml(traits.firstBirthGivenName)}</Prenom><ListePrenom>${xml(traits.birthGivenNames)}</ListePrenom>` +
    `<Sexe>${traits.sex}</Sexe><DateNaissance>${traits.birthDate}</DateNaissance><LieuNaissance>${traits.birthPlaceCode}</LieuNaissance></TIQ></INDIVIDU>`
  )
}

/** A SOAP 1.2 fault shaped like the téléservice's (siram_100 / desir_550 fixture of TLSI). */
export function faultEnvelope(fault: InsiFault, detail: string): string {
  const { subcode, reason } = INSI_FAULTS[fault]
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="${INSI_NS.soap12}"><soap:Body><soap:Fault><soap:Code><soap:Value>soap:Sender</soap:Value><soap:Subcode><soap:Value>soap:${subcode}</soap:Value></soap:Subcode></soap:Code><soap:Reason><soap:Text xml:lang="fr">${xml(reason)}</soap:Text></soap:Reason><soap:Detail><siram:Erreur xmlns:siram="urn:siram" code="${subcode}" messageID="uuid:${randomUUID()}" severite="erreur">${xml(detail)}</siram:Erreur></soap:Detail></soap:Fault></soap:Body></soap:Envelope>`
}
