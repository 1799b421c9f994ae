import { randomUUID } from 'node:crypto'
import { request as httpRequest, type IncomingMessage } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { XMLParser } from 'fast-xml-parser'
import { establishment } from './establishment.ts'
import { escapeXml as xml } from './xml-escape.ts'

/** The DUI as a software product, as it introduces itself to the INSi (ContexteLPS). */
const DUI_SOFTWARE = {
  /** Numéro d'autorisation CNDA (fictitious). */
  idam: 'DUIREF-TEST-0001',
  name: 'dui-reference',
  version: '0.1.0',
  /** One installation, one instance id. */
  instance: '7c0e4f0a-1d2b-4c3d-8e9f-0a1b2c3d4e5f',
} as const

const ACTION = 'urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite'

/** The traits the INSi is searched with: strict traits only, never the used names. */
export interface InsiSearch {
  readonly birthFamilyName: string
  readonly firstBirthGivenName: string
  readonly sex: 'F' | 'M'
  /** YYYY-MM-DD */
  readonly birthDate: string
}

/** What the INSi answered, as the identity screen shows it. */
export type InsiAnswer =
  | {
      readonly code: '00'
      readonly ins: { readonly value: string; readonly oid: string }
      readonly traits: { readonly birthFamilyName: string; readonly firstBirthGivenName: string; readonly birthGivenNames: string; readonly sex: 'F' | 'M'; readonly birthDate: string; readonly birthPlaceCode: string }
    }
  | { readonly code: '01' | '02'; readonly label: string }

const parser = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: true })

/** PEM texts for mutual TLS: the CA to trust and the organisation certificate (CN INSI-AUTO). */
export interface InsiTls {
  readonly ca?: string
  readonly cert?: string
  readonly key?: string
}

export interface InsiClientOptions {
  /** Seeded defect: leave out the ContexteLPS header. */
  readonly withoutLpsContext?: boolean
}

/** Talks to the CNAM INSi téléservice: `rechercherInsAvecTraitsIdentite` over SOAP 1.2. */
export class InsiClient {
  constructor(
    readonly endpoint: string,
    private readonly tls: InsiTls = {},
    private readonly options: InsiClientOptions = {},
  ) {}

  async searchByTraits(search: InsiSearch): Promise<InsiAnswer> {
    const response = await this.post(envelope(search, this.options))
    const xml = response.text
    const body = (parser.parse(xml) as { Envelope?: { Body?: Record<string, unknown> } }).Envelope?.Body ?? {}
    const fault = body['Fault'] as { Reason?: { Text?: string }; Detail?: { Erreur?: string } } | undefined
    if (fault) throw new Error(`l'INSi a répondu par une erreur : ${fault.Reason?.Text ?? ''} ${fault.Detail?.Erreur ?? ''}`.trim())
    const resultat = body['RESULTAT'] as { CR?: { CodeCR?: string; LibelleCR?: string }; INDIVIDU?: Individu } | undefined
    const code = resultat?.CR?.CodeCR
    if (code === '01' || code === '02') return { code, label: resultat?.CR?.LibelleCR ?? '' }
    if (code !== '00' || !resultat?.INDIVIDU) throw new Error(`réponse INSi inattendue (HTTP ${response.status}, CR ${code ?? 'absent'})`)
    const { INSACTIF: active, TIQ: tiq } = resultat.INDIVIDU
    return {
      code,
      ins: { value: `${active.IdIndividu.NumIdentifiant}${active.IdIndividu.Cle}`, oid: active.OID },
      traits: {
        birthFamilyName: tiq.NomNaissance,
        firstBirthGivenName: tiq.Prenom,
        birthGivenNames: tiq.ListePrenom,
        sex: tiq.Sexe,
        birthDate: tiq.DateNaissance,
        birthPlaceCode: tiq.LieuNaissance,
      },
    }
  }

  private post(body: string): Promise<{ status: number; text: string }> {
    return postSoapTo(this.endpoint, this.tls, body)
  }
}

/** node:http(s) rather than fetch: fetch cannot present a client certificate without undici. */
function postSoapTo(endpoint: string, tls: InsiTls, body: string): Promise<{ status: number; text: string }> {
  const url = new URL(endpoint)
  const secure = url.protocol === 'https:'
  const headers = { 'content-type': `application/soap+xml; charset=utf-8; action="${ACTION}"`, 'content-length': String(Buffer.byteLength(body)) }
  const onResponse = (resolve: (value: { status: number; text: string }) => void, reject: (error: Error) => void) => (res: IncomingMessage) => {
    const chunks: Buffer[] = []
    res.on('data', (chunk: Buffer) => chunks.push(chunk))
    res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }))
    res.on('error', reject)
  }
  return new Promise((resolve, reject) => {
    const req = secure
      ? httpsRequest(url, { method: 'POST', headers, minVersion: 'TLSv1.2', ...(tls.ca ? { ca: tls.ca } : {}), ...(tls.cert && tls.key ? { cert: tls.cert, key: tls.key } : {}) }, onResponse(resolve, reject))
      : httpRequest(url, { method: 'POST', headers }, onResponse(resolve, reject))
    req.on('error', reject)
    req.end(body)
  })
}

interface Individu {
  readonly INSACTIF: { readonly IdIndividu: { readonly NumIdentifiant: string; readonly Cle: string }; readonly OID: string }
  readonly TIQ: { readonly NomNaissance: string; readonly Prenom: string; readonly ListePrenom: string; readonly Sexe: 'F' | 'M'; readonly DateNaissance: string; readonly LieuNaissance: string }
}

/** The request with its ContexteBAM / ContexteLPS headers (CNAM guide, as TLSI writes them). */
function envelope(search: InsiSearch, options: InsiClientOptions): string {
  const id = randomUUID()
  const now = new Date().toISOString()
  const lps = `
    <ctxlps:ContexteLPS Nature="CTXLPS" Version="01_00"><ctxlps:Id>${id}</ctxlps:Id><ctxlps:Temps>${now}</ctxlps:Temps><ctxlps:Emetteur>${establishment.finess}</ctxlps:Emetteur>
      <ctxlps:LPS><ctxlps:IDAM R="4">${DUI_SOFTWARE.idam}</ctxlps:IDAM><ctxlps:Version>${DUI_SOFTWARE.version}</ctxlps:Version><ctxlps:Instance>${DUI_SOFTWARE.instance}</ctxlps:Instance><ctxlps:Nom>urn:lps:${DUI_SOFTWARE.name}:${DUI_SOFTWARE.version}</ctxlps:Nom></ctxlps:LPS>
    </ctxlps:ContexteLPS>`
  return `<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://www.w3.org/2003/05/soap-envelope" xmlns:ctxbam="urn:siram:bam:ctxbam" xmlns:ctxlps="urn:siram:lps:ctxlps" xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:insi_recsans_ins="http://www.cnamts.fr/INSiRecSans">
  <soap:Header>
    <ctxbam:ContexteBAM Version="01_02"><ctxbam:Id>${id}</ctxbam:Id><ctxbam:Temps>${now}</ctxbam:Temps><ctxbam:Emetteur>${establishment.finess}</ctxbam:Emetteur><ctxbam:COUVERTURE/></ctxbam:ContexteBAM>${options.withoutLpsContext ? '' : lps}
    <wsa:Action>${ACTION}</wsa:Action>
    <wsa:MessageID>uuid:${randomUUID()}</wsa:MessageID>
  </soap:Header>
  <soap:Body>
    <insi_recsans_ins:RECSANSVITALE>
      <insi_recsans_ins:NomNaissance>${xml(search.birthFamilyName)}</insi_recsans_ins:NomNaissance>
      <insi_recsans_ins:Prenom>${xml(search.firstBirthGivenName)}</insi_recsans_ins:Prenom>
      <insi_recsans_ins:Sexe>${search.sex}</insi_recsans_ins:Sexe>
      <insi_recsans_ins:DateNaissance>${search.birthDate}</insi_recsans_ins:DateNaissance>
    </insi_recsans_ins:RECSANSVITALE>
  </soap:Body>
</soap:Envelope>`
}
