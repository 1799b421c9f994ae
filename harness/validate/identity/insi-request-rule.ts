import type { Issue } from '../../core/issue.ts'
import type { ValidationRule } from '../rule.ts'
import { INSI_ACTIONS, INSI_NS, type InsiRequest } from './insi-request.ts'
import { child, path } from './soap-xml.ts'

const RULE = 'identity/insi-request'
const REQUIREMENT = 'INS-002'

export type ReadInsiRequest = Extract<InsiRequest, { ok: true }>

/**
 * An INSi traits search (brief §7) carries the ContexteBAM (Version 01_02) and ContexteLPS
 * (Nature CTXLPS, Version 01_00, LPS with IDAM R="4", Version, Instance, Nom) header blocks,
 * WS-Addressing Action and MessageID, and a RECSANSVITALE body with the four search traits:
 * NomNaissance, Prenom, Sexe (M/F) and DateNaissance (YYYY-MM-DD).
 */
export const insiRequestRule: ValidationRule<ReadInsiRequest> = {
  id: RULE,
  requirements: [REQUIREMENT],
  description: 'Requête INSi SOAP 1.2 : en-têtes ContexteBAM, ContexteLPS, WS-Addressing et traits de recherche',
  appliesTo: () => true,
  check(request) {
    const issues: Issue[] = []
    const problem = (message: string, where: string, code: Issue['code'] = 'required') =>
      issues.push({ severity: 'error', code, rule: RULE, requirement: REQUIREMENT, message, location: { path: where } })
    const header = request.header
    if (!header) {
      problem('l\'enveloppe n\'a pas d\'en-tête SOAP (Header) : ContexteBAM, ContexteLPS et WS-Addressing sont obligatoires', '/Envelope/Header')
    } else {
      const bam = child(header, INSI_NS.ctxbam, 'ContexteBAM')
      if (!bam) problem('en-tête ctxbam:ContexteBAM (urn:siram:bam:ctxbam) absent', '/Envelope/Header/ContexteBAM')
      else {
        if (bam.attributes['Version'] !== '01_02') problem(`ContexteBAM/@Version vaut « ${bam.attributes['Version'] ?? ''} », « 01_02 » est attendu`, '/Envelope/Header/ContexteBAM/@Version', 'value')
        for (const local of ['Id', 'Temps', 'Emetteur']) if (!child(bam, INSI_NS.ctxbam, local)?.text) problem(`ContexteBAM/${local} absent ou vide`, `/Envelope/Header/ContexteBAM/${local}`)
      }
      const lps = child(header, INSI_NS.ctxlps, 'ContexteLPS')
      if (!lps) problem('en-tête ctxlps:ContexteLPS (urn:siram:lps:ctxlps) absent', '/Envelope/Header/ContexteLPS')
      else {
        if (lps.attributes['Nature'] !== 'CTXLPS') problem(`ContexteLPS/@Nature vaut « ${lps.attributes['Nature'] ?? ''} », « CTXLPS » est attendu`, '/Envelope/Header/ContexteLPS/@Nature', 'value')
        if (lps.attributes['Version'] !== '01_00') problem(`ContexteLPS/@Version vaut « ${lps.attributes['Version'] ?? ''} », « 01_00 » est attendu`, '/Envelope/Header/ContexteLPS/@Version', 'value')
        for (const local of ['Id', 'Temps', 'Emetteur']) if (!child(lps, INSI_NS.ctxlps, local)?.text) problem(`ContexteLPS/${local} absent ou vide`, `/Envelope/Header/ContexteLPS/${local}`)
        const idam = path(lps, INSI_NS.ctxlps, 'LPS', 'IDAM')
        if (!idam?.text) problem('ContexteLPS/LPS/IDAM (numéro d\'autorisation CNDA du logiciel) absent ou vide', '/Envelope/Header/ContexteLPS/LPS/IDAM')
        else if (idam.attributes['R'] !== '4') problem(`ContexteLPS/LPS/IDAM/@R vaut « ${idam.attributes['R'] ?? ''} », « 4 » est attendu`, '/Envelope/Header/ContexteLPS/LPS/IDAM/@R', 'value')
        for (const local of ['Version', 'Instance', 'Nom']) if (!path(lps, INSI_NS.ctxlps, 'LPS', local)?.text) problem(`ContexteLPS/LPS/${local} absent ou vide`, `/Envelope/Header/ContexteLPS/LPS/${local}`)
      }
      if (request.action !== INSI_ACTIONS.traits) problem(`wsa:Action vaut « ${request.action ?? '(absent)'} », « ${INSI_ACTIONS.traits} » est attendu`, '/Envelope/Header/Action', request.action ? 'value' : 'required')
      if (!child(header, INSI_NS.wsa, 'MessageID')?.text) problem('wsa:MessageID absent ou vide', '/Envelope/Header/MessageID')
    }
    const traits = request.traits
    if (!traits) {
      const found = request.operation ? `{${request.operation.ns}}${request.operation.local}` : '(corps vide)'
      problem(`le corps SOAP doit contenir insi_recsans_ins:RECSANSVITALE (${INSI_NS.recSans}) ; trouvé ${found}`, '/Envelope/Body/RECSANSVITALE')
      return issues
    }
    const at = (local: string) => `/Envelope/Body/RECSANSVITALE/${local}`
    if (!traits.birthFamilyName) problem('NomNaissance absent : le nom de naissance est un trait de recherche obligatoire', at('NomNaissance'))
    if (!traits.firstGivenName) problem('Prenom absent : le premier prénom de naissance est un trait de recherche obligatoire', at('Prenom'))
    // A line break or another control character is never part of a name (header injection attempt or a bug).
    for (const [local, value] of [['NomNaissance', traits.birthFamilyName], ['Prenom', traits.firstGivenName]] as const) {
      if (value && /[\u0000-\u001f\u007f]/.test(value)) problem(`${local} contient un caractère de contrôle (retour chariot, saut de ligne…) : trait mal formé`, at(local), 'value')
    }
    if (!traits.sex) problem('Sexe absent', at('Sexe'))
    else if (!['M', 'F'].includes(traits.sex)) problem(`Sexe vaut « ${traits.sex} », « M » ou « F » est attendu`, at('Sexe'), 'value')
    if (!traits.birthDate) problem('DateNaissance absente', at('DateNaissance'))
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(traits.birthDate)) problem(`DateNaissance vaut « ${traits.birthDate} », le format AAAA-MM-JJ est attendu`, at('DateNaissance'), 'value')
    return issues
  },
}
