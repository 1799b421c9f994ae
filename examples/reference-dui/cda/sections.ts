import { randomUUID } from 'node:crypto'
import type { Allergy, CareRecord, Condition, Finding, Treatment } from '../care-record.ts'
import { escapeXml as xml } from '../xml-escape.ts'
import { address, cdaTime, coded, type Coded, LOINC, type PostalAddress } from './clinical-document.ts'

/**
 * The CI-SIS sections (and their entries) the DUI's structured documents are made of. Each
 * section carries its IHE/CI-SIS templateIds, a narrative for the reader, and coded entries that
 * point back to the narrative by `#id`.
 */

const SNOMED = '2.16.840.1.113883.6.96'
const TA_ASIP = '1.2.250.1.213.1.1.4.322'

const loinc = (code: string, displayName: string): Coded => ({ code, displayName, codeSystem: LOINC })

interface SectionParts {
  readonly templateIds: readonly string[]
  readonly code: Coded
  readonly title: string
  /** Narrative block content (CDA narrative XML); a section made only of sub-sections has none. */
  readonly text?: string
  readonly entries?: readonly string[]
  /** Sections nested in this one (built by `section`). */
  readonly subsections?: readonly string[]
}

export function section(parts: SectionParts): string {
  return `<component>
      <section>${parts.templateIds.map((root) => `\n        <templateId root="${root}"/>`).join('')}
        <id root="${uuid()}"/>
        ${coded('code', parts.code)}
        <title>${xml(parts.title)}</title>${parts.text !== undefined ? `\n        <text>${parts.text}</text>` : ''}${(parts.entries ?? []).map((entry) => `\n        <entry>${entry}</entry>`).join('')}${(parts.subsections ?? []).map((sub) => `\n        ${sub}`).join('')}
      </section>
    </component>`
}

/** A narrative table; cells are already XML (use `cell` for text). */
export function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table border="0"><thead><tr>${head.map((h) => `<th>${xml(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`
}

/** Narrative text the entries refer to by `#id`. */
export function content(id: string, text: string): string {
  return `<content ID="${id}">${xml(text)}</content>`
}

export const cell = (text: string): string => xml(text)

const yesNo = (value: boolean): string => (value ? 'oui' : 'non')

/** dd/mm/yyyy for the narrative. */
function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-')
  return `${day}/${month}/${year}`
}

const day = (isoDate: string): string => isoDate.replace(/-/g, '')

// --- Entries -------------------------------------------------------------------------------

/** FR-Simple-Observation (IHE PCC Simple Observation), with extra templateIds when specialised. */
function simpleObservation(o: { code: Coded; ref: string; at?: Date; value: string; templateIds?: readonly string[]; extra?: string }): string {
  return `
          <observation classCode="OBS" moodCode="EVN">
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.13"/>
            <templateId root="1.2.250.1.213.1.1.3.48"/>${(o.templateIds ?? []).map((root) => `\n            <templateId root="${root}"/>`).join('')}
            <id root="${uuid()}"/>
            ${coded('code', o.code)}
            <text><reference value="#${o.ref}"/></text>
            <statusCode code="completed"/>
            ${o.at ? `<effectiveTime value="${cdaTime(o.at)}"/>` : '<effectiveTime nullFlavor="NA"/>'}
            ${o.value}${o.extra ?? ''}
          </observation>`
}

const booleanValue = (value: boolean) => `<value xsi:type="BL" value="${value}"/>`

/** FR-Liste-des-problemes: a concern act with one FR-Probleme per condition (CIM-10). */
function problemConcern(conditions: readonly Condition[], prefix: string): string {
  return `
          <act classCode="ACT" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.1.27"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5.1"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5.2"/>
            <templateId root="1.2.250.1.213.1.1.3.39"/>
            <id root="${uuid()}"/>
            <code nullFlavor="NA"/>
            <statusCode code="active"/>
            <effectiveTime>
              <low value="${day(conditions[0]?.since ?? '')}"/>
            </effectiveTime>${conditions
              .map(
                (condition, i) => `
            <entryRelationship typeCode="SUBJ" inversionInd="false">
              <observation classCode="OBS" moodCode="EVN" negationInd="false">
                <templateId root="2.16.840.1.113883.10.20.1.28"/>
                <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5"/>
                <templateId root="1.2.250.1.213.1.1.3.37"/>
                <id root="${uuid()}"/>
                ${coded('code', { code: '282291009', displayName: 'interprétation diagnostique', codeSystem: SNOMED })}
                <text><reference value="#${prefix}-${i + 1}"/></text>
                <statusCode code="completed"/>
                <effectiveTime>
                  <low value="${day(condition.since)}"/>
                </effectiveTime>
                <value xsi:type="CD" code="${xml(condition.code.code)}" displayName="${xml(condition.code.displayName)}" codeSystem="${condition.code.codeSystem}">
                  <originalText><reference value="#${prefix}-${i + 1}"/></originalText>
                </value>
              </observation>
            </entryRelationship>`,
              )
              .join('')}
          </act>`
}

/** FR-Liste-des-allergies-et-hypersensibilites with one FR-Allergie-ou-hypersensibilite each. */
function allergyConcern(allergies: readonly Allergy[]): string {
  return `
          <act classCode="ACT" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.1.27"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5.1"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5.3"/>
            <templateId root="1.2.250.1.213.1.1.3.40"/>
            <id root="${uuid()}"/>
            <code nullFlavor="NA"/>
            <statusCode code="active"/>
            <effectiveTime>
              <low value="${day(allergies[0]?.since ?? '')}"/>
            </effectiveTime>${allergies
              .map(
                (allergy, i) => `
            <entryRelationship typeCode="SUBJ" inversionInd="false">
              <observation classCode="OBS" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.1.18"/>
                <templateId root="2.16.840.1.113883.10.20.1.28"/>
                <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.5"/>
                <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.6"/>
                <templateId root="1.2.250.1.213.1.1.3.41"/>
                <id root="${uuid()}"/>
                ${coded('code', allergy.kind)}
                <text><reference value="#allergie-${i + 1}"/></text>
                <statusCode code="completed"/>
                <effectiveTime>
                  <low value="${day(allergy.since)}"/>
                </effectiveTime>
                <value xsi:type="CD">
                  <originalText><reference value="#allergie-${i + 1}"/></originalText>
                </value>
                <participant typeCode="CSM">
                  <participantRole classCode="MANU">
                    <playingEntity classCode="MMAT">
                      <code code="${allergy.agent.code}" displayName="${xml(allergy.agent.displayName)}" codeSystem="${allergy.agent.codeSystem}">
                        <originalText><reference value="#allergie-${i + 1}"/></originalText>
                      </code>
                    </playingEntity>
                  </participantRole>
                </participant>
              </observation>
            </entryRelationship>`,
              )
              .join('')}
          </act>`
}

/** FR-Traitement: a medication the resident takes every day (product coded CIS). */
function medication(treatment: Treatment, ref: string): string {
  const tablets = `<low value="${treatment.unitsPerIntake}" unit="{tablet}"/><high value="${treatment.unitsPerIntake}" unit="{tablet}"/>`
  return `
          <substanceAdministration classCode="SBADM" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.1.24"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.7"/>
            <templateId root="1.2.250.1.213.1.1.3.42"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.7.1"/>
            <id root="${uuid()}"/>
            <code code="DRUG" displayName="Médicament" codeSystem="2.16.840.1.113883.5.4"/>
            <text><reference value="#${ref}"/></text>
            <statusCode code="completed"/>
            <effectiveTime xsi:type="IVL_TS">
              <low value="${day(treatment.since)}"/>
              <high nullFlavor="UNK"/>
            </effectiveTime>
            <effectiveTime xsi:type="PIVL_TS" operator="A">
              <period value="${24 / treatment.intakesPerDay}" unit="h"/>
            </effectiveTime>
            <routeCode code="20053000" displayName="Voie orale" codeSystem="0.4.0.127.0.16.1.1.2.1"/>
            <doseQuantity>${tablets}</doseQuantity>
            <consumable>
              <manufacturedProduct classCode="MANU">
                <templateId root="2.16.840.1.113883.10.20.1.53"/>
                <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.7.2"/>
                <templateId root="1.2.250.1.213.1.1.3.43"/>
                <manufacturedMaterial>
                  <code code="${treatment.product.code}" displayName="${xml(treatment.product.displayName)}" codeSystem="${treatment.product.codeSystem}">
                    <originalText><reference value="#${ref}"/></originalText>
                  </code>
                  <name>${xml(treatment.name)}</name>
                </manufacturedMaterial>
              </manufacturedProduct>
            </consumable>
          </substanceAdministration>`
}

/** FR-Acte: an act done (or, with `negated`, not done), coded or not. */
function procedure(p: { code?: Coded; ref: string; status: 'completed' | 'active'; at?: string; negated?: boolean }): string {
  return `
          <procedure classCode="PROC" moodCode="EVN"${p.negated ? ' negationInd="true"' : ''}>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.19"/>
            <templateId root="2.16.840.1.113883.10.20.1.29"/>
            <templateId root="1.2.250.1.213.1.1.3.62"/>
            <id root="${uuid()}"/>
            ${p.code ? coded('code', p.code) : '<code nullFlavor="NA"/>'}
            <text><reference value="#${p.ref}"/></text>
            <statusCode code="${p.status}"/>
            ${p.at ? `<effectiveTime value="${day(p.at)}"/>` : '<effectiveTime nullFlavor="UNK"/>'}
          </procedure>`
}

// --- Sections ------------------------------------------------------------------------------

/** A list of conditions (FR-Liste-des-problemes), in the section the caller names. */
function problemsSection(templateIds: readonly string[], code: Coded, title: string, conditions: readonly Condition[], prefix: string): string {
  return section({
    templateIds,
    code,
    title,
    text: table(['Depuis le', 'Pathologie'], conditions.map((p, i) => [cell(frenchDate(p.since)), content(`${prefix}-${i + 1}`, p.code.displayName)])),
    entries: [problemConcern(conditions, prefix)],
  })
}

export function activeProblemsSection(record: CareRecord): string {
  const templates = ['2.16.840.1.113883.10.20.1.11', '1.3.6.1.4.1.19376.1.5.3.1.3.6', '1.2.250.1.213.1.1.2.132']
  return problemsSection(templates, loinc('11450-4', 'Liste des problèmes actifs'), 'Pathologies en cours', record.activeProblems, 'probleme')
}

export function pastIllnessSection(record: CareRecord): string {
  const templates = ['1.3.6.1.4.1.19376.1.5.3.1.3.8', '1.2.250.1.213.1.1.2.134']
  return problemsSection(templates, loinc('11348-0', 'Antécédents médicaux'), 'Antécédents médicaux', record.pastIllnesses, 'antecedent')
}

/** FR-Diagnostic-de-sortie: what the emergency department diagnosed. */
export function dischargeDiagnosisSection(diagnoses: readonly Condition[]): string {
  const templates = ['1.3.6.1.4.1.19376.1.5.3.1.3.7', '1.2.250.1.213.1.1.2.133']
  return problemsSection(templates, loinc('11535-2', 'Diagnostic de sortie'), 'Diagnostic des urgences', diagnoses, 'diagnostic')
}

export function surgicalHistorySection(record: CareRecord): string {
  return section({
    templateIds: ['2.16.840.1.113883.10.20.1.12', '1.3.6.1.4.1.19376.1.5.3.1.3.11', '1.3.6.1.4.1.19376.1.5.3.1.3.12', '1.2.250.1.213.1.1.2.136'],
    code: loinc('47519-4', 'Historique des actes'),
    title: 'Antécédents chirurgicaux',
    text: table(['Date', 'Acte'], record.surgeries.map((s, i) => [cell(frenchDate(s.since)), content(`acte-${i + 1}`, s.code.displayName)])),
    entries: record.surgeries.map((s, i) => procedure({ code: s.code, ref: `acte-${i + 1}`, status: 'completed', at: s.since })),
  })
}

export function allergiesSection(record: CareRecord): string {
  return section({
    templateIds: ['2.16.840.1.113883.10.20.1.2', '1.3.6.1.4.1.19376.1.5.3.1.3.13', '1.2.250.1.213.1.1.2.137'],
    code: loinc('48765-2', 'Allergies et hypersensibilités'),
    title: 'Allergies et hypersensibilités',
    text: table(['Depuis le', 'Type', 'Agent'], record.allergies.map((a, i) => [cell(frenchDate(a.since)), cell(a.kind.displayName), content(`allergie-${i + 1}`, a.agent.displayName)])),
    entries: [allergyConcern(record.allergies)],
  })
}

/** A list of medications (FR-Traitement), in the section the caller names. */
function treatmentsSection(templateIds: readonly string[], code: Coded, title: string, treatments: readonly Treatment[], note?: string): string {
  const rows = treatments.map((t, i) => [cell(frenchDate(t.since)), content(`traitement-${i + 1}`, t.name), cell(`${t.unitsPerIntake} comprimé(s) ${t.intakesPerDay} fois par jour`)])
  return section({
    templateIds,
    code,
    title,
    text: `${table(['Depuis le', 'Médicament', 'Posologie'], rows)}${note ? `<paragraph>${xml(note)}</paragraph>` : ''}`,
    entries: treatments.map((t, i) => medication(t, `traitement-${i + 1}`)),
  })
}

/** FR-Traitements (IHE Medications): the usual treatment, with a note (last intake…) when useful. */
export function medicationsSection(record: CareRecord, title = 'Traitements au long cours', note?: string): string {
  const templates = ['2.16.840.1.113883.10.20.1.8', '1.3.6.1.4.1.19376.1.5.3.1.3.19', '1.2.250.1.213.1.1.2.143']
  return treatmentsSection(templates, loinc('10160-0', 'Historique de la prise médicamenteuse'), title, record.treatments, note)
}

/** FR-Traitements-a-la-sortie: what the resident takes after the emergency visit. */
export function dischargeMedicationsSection(treatments: readonly Treatment[]): string {
  const templates = ['1.3.6.1.4.1.19376.1.5.3.1.3.22', '1.2.250.1.213.1.1.2.146']
  return treatmentsSection(templates, loinc('10183-2', 'Traitements à la sortie'), 'Traitements à la sortie des urgences', treatments)
}

export function palliativeCareSection(record: CareRecord): string {
  return section({
    templateIds: ['2.16.840.1.113883.10.20.1.10', '1.3.6.1.4.1.19376.1.5.3.1.3.36', '1.2.250.1.213.1.1.2.158'],
    code: loinc('18776-5', 'Plan de soins'),
    title: 'Soins palliatifs',
    text: table(['Plan de soins', ''], [[cell('Soins palliatifs'), content('soins-palliatifs', yesNo(record.palliativeCare))]]),
    entries: [procedure({ code: { code: '103735009', displayName: 'Soins palliatifs', codeSystem: SNOMED }, ref: 'soins-palliatifs', status: 'active', negated: !record.palliativeCare })],
  })
}

export function advanceDirectivesSection(record: CareRecord): string {
  const directives = loinc('42348-3', 'Directives anticipées')
  return section({
    templateIds: ['2.16.840.1.113883.10.20.1.1', '1.3.6.1.4.1.19376.1.5.3.1.3.34', '1.3.6.1.4.1.19376.1.5.3.1.3.35', '1.2.250.1.213.1.1.2.157'],
    code: directives,
    title: 'Directives anticipées',
    text: table(['Directive', 'Rédigées par l\'usager'], [[content('directives-anticipees', 'Directives anticipées'), cell(yesNo(record.advanceDirectives))]]),
    entries: [
      `
          <observation classCode="OBS" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.1.17"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.13"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.13.7"/>
            <templateId root="1.2.250.1.213.1.1.3.54"/>
            <id root="${uuid()}"/>
            ${coded('code', directives)}
            <text><reference value="#directives-anticipees"/></text>
            <statusCode code="completed"/>
            <effectiveTime nullFlavor="NA"/>
            ${booleanValue(record.advanceDirectives)}
          </observation>`,
    ],
  })
}

/** FR-Resultats-evenements: the resident's state (état psychique, déficits, déplacements, risques). */
export function residentStateSection(record: CareRecord): string {
  return section({
    templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.1.21.2.9', '1.3.6.1.4.1.19376.1.7.3.1.1.13.7', '1.2.250.1.213.1.1.2.163'],
    code: loinc('42545-4', 'Evènements observés'),
    title: 'Etat du résident',
    text: table(['Observation', 'Présente'], record.findings.map((f, i) => [content(`etat-${i + 1}`, f.code.displayName), cell(yesNo(f.present))])),
    entries: record.findings.map((f: Finding, i) => simpleObservation({ code: f.code, ref: `etat-${i + 1}`, value: booleanValue(f.present) })),
  })
}

/** FR-Resultats-examens: yes/no results (a BMR carried, the state of consciousness…). */
export function resultsSection(title: string, results: readonly { readonly code: Coded; readonly label: string; readonly value: boolean }[], at?: Date): string {
  return section({
    templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.3.27', '1.3.6.1.4.1.19376.1.5.3.1.3.28', '1.2.250.1.213.1.1.2.151'],
    code: loinc('30954-2', 'Résultats d\'examens'),
    title,
    text: table(['Observation', 'Résultat'], results.map((r, i) => [content(`resultat-${i + 1}`, r.label), cell(yesNo(r.value))])),
    entries: [
      procedure({ ref: 'resultat-1', status: 'completed' }),
      ...results.map((r, i) => simpleObservation({ code: r.code, ref: `resultat-${i + 1}`, ...(at ? { at } : {}), value: booleanValue(r.value) })),
    ],
  })
}

/** FR-Resultats-examens of the DLU: whether the resident carries a multi-resistant bacterium. */
export function multiResistantBacteriaSection(record: CareRecord): string {
  const bmr = { code: 'U83.71', displayName: 'Bactérie multirésistante [BMR]', codeSystem: '2.16.840.1.113883.6.3' }
  return resultsSection('Résultats d\'examens', [{ code: bmr, label: 'Porteur d\'une bactérie multirésistante (BMR)', value: record.multiResistantBacteria }])
}

/** A place the resident is transferred to (FR-Transfert-du-patient, participant DST). */
export interface Destination {
  readonly name: string
  readonly idNat: string
  /** Secteur d'activité (TRE_R02). */
  readonly activitySector: { readonly code: string; readonly display: string }
  readonly address: PostalAddress
  readonly phone: string
}

/** FR-Resultats-evenements of the FLUDT/FLUDR: the transfer, its reason (coded by the model) and destination. */
export function transferSection(t: { title: string; reasonCode: Coded; reason: string; destination: Destination; start: Date; end: Date }): string {
  const destination = t.destination
  return section({
    templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.1.21.2.9', '1.3.6.1.4.1.19376.1.7.3.1.1.13.7', '1.2.250.1.213.1.1.2.163'],
    code: loinc('42545-4', 'Evènements observés'),
    title: t.title,
    text: table(
      ['Transfert', 'Précision'],
      [
        [content('transfert-motif', 'Motif'), cell(t.reason)],
        [cell('Date'), cell(`${t.start.toISOString().slice(0, 16).replace('T', ' à ')} (UTC)`)],
        [content('transfert-destination', 'Destination'), cell(destination.name)],
      ],
    ),
    entries: [
      simpleObservation({ code: t.reasonCode, ref: 'transfert-motif', at: t.start, value: '<value xsi:type="CD"><originalText><reference value="#transfert-motif"/></originalText></value>' }),
      `
          <act classCode="ACT" moodCode="EVN">
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.1.25.1.4.1"/>
            <templateId root="1.2.250.1.213.1.1.3.28"/>
            <id root="${uuid()}"/>
            ${coded('code', loinc('80413-8', 'Transfert du patient'))}
            <text><reference value="#transfert-destination"/></text>
            <statusCode code="completed"/>
            <effectiveTime>
              <low value="${cdaTime(t.start)}"/>
              <high value="${cdaTime(t.end)}"/>
            </effectiveTime>
            <participant typeCode="DST">
              <participantRole classCode="SDLOC">
                <id root="1.2.250.1.71.4.2.2" extension="${destination.idNat}"/>
                <code code="${destination.activitySector.code}" displayName="${xml(destination.activitySector.display)}" codeSystem="1.2.250.1.71.4.2.4"/>
                ${address(destination.address)}
                <telecom value="tel:${destination.phone}" use="WP"/>
                <playingEntity classCode="ENT">
                  <name>${xml(destination.name)}</name>
                </playingEntity>
              </participantRole>
            </participant>
          </act>`,
    ],
  })
}

/** FR-Commentaire-non-code. */
export function commentSection(comment: string): string {
  return section({
    templateIds: ['2.16.840.1.113883.10.12.201', '1.3.6.1.4.1.19376.1.4.1.2.16', '1.2.250.1.213.1.1.2.73'],
    code: loinc('55112-7', 'Commentaire'),
    title: 'Commentaires',
    text: xml(comment),
  })
}

/** FR-Documents-ajoutes: documents attached (PDF, B64), each typed from the model's checklist. */
export function attachedDocumentsSection(title: string, documents: readonly { readonly type: Coded; readonly pdf: Buffer }[]): string {
  return section({
    templateIds: ['1.2.250.1.213.1.1.2.37'],
    code: loinc('55107-7', 'Documents ajoutés'),
    title,
    text: table(['Document', 'Joint'], documents.map((d, i) => [content(`document-${i + 1}`, d.type.displayName), `oui<renderMultiMedia referencedObject="piece-${i + 1}"/>`])),
    entries: documents.map(
      (d, i) => `
          <organizer classCode="CLUSTER" moodCode="EVN">
            <templateId root="1.2.250.1.213.1.1.3.18"/>
            <id root="${uuid()}"/>
            ${coded('code', loinc('55107-7', 'Document attaché'))}
            <statusCode code="completed"/>
            <component>${simpleObservation({ code: loinc('69764-9', 'Type de document'), ref: `document-${i + 1}`, templateIds: ['1.2.250.1.213.1.1.3.48.18'], value: coded('value', d.type, ' xsi:type="CD"') })}
            </component>
            <component>
              <observationMedia classCode="OBS" moodCode="EVN" ID="piece-${i + 1}">
                <value mediaType="application/pdf" representation="B64">${d.pdf.toString('base64')}</value>
              </observationMedia>
            </component>
          </organizer>`,
    ),
  })
}

/** FR-Signes-vitaux: the last measurements. */
export function vitalSignsSection(record: CareRecord, at: Date): string {
  const v = record.vitalSigns
  const signs: readonly [string, Coded, number, string][] = [
    ['pouls', loinc('8867-4', 'Fréquence cardiaque'), v.pulse, '/min'],
    ['temperature', loinc('8310-5', 'Température corporelle'), v.temperature, 'Cel'],
    ['poids', loinc('29463-7', 'Poids'), v.weight, 'kg'],
    ['tension-haute', loinc('8480-6', 'Pression artérielle systolique'), v.systolic, 'mm[Hg]'],
    ['tension-basse', loinc('8462-4', 'Pression artérielle diastolique'), v.diastolic, 'mm[Hg]'],
  ]
  return section({
    templateIds: ['2.16.840.1.113883.10.20.1.16', '1.3.6.1.4.1.19376.1.5.3.1.3.25', '1.3.6.1.4.1.19376.1.5.3.1.1.5.3.2', '1.2.250.1.213.1.1.2.75'],
    code: loinc('8716-3', 'Signes vitaux'),
    title: 'Constantes du patient',
    text: table(['Constante', 'Mesure'], signs.map(([id, code, value, unit]) => [content(id, code.displayName), cell(`${value} ${unit}`)])),
    entries: [
      `
          <organizer classCode="CLUSTER" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.1.32"/>
            <templateId root="2.16.840.1.113883.10.20.1.35"/>
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.13.1"/>
            <templateId root="1.2.250.1.213.1.1.3.49"/>
            <id root="${uuid()}"/>
            ${coded('code', loinc('85353-1', 'Signes vitaux'))}
            <statusCode code="completed"/>
            <effectiveTime value="${cdaTime(at)}"/>${signs
              .map(
                ([id, code, value, unit]) => `
            <component typeCode="COMP">
              <observation classCode="OBS" moodCode="EVN">
                <templateId root="2.16.840.1.113883.10.20.1.31"/>
                <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.13"/>
                <templateId root="1.3.6.1.4.1.19376.1.5.3.1.4.13.2"/>
                <templateId root="1.2.250.1.213.1.1.3.50"/>
                <id root="${uuid()}"/>
                ${coded('code', code)}
                <text><reference value="#${id}"/></text>
                <statusCode code="completed"/>
                <effectiveTime value="${cdaTime(at)}"/>
                <value xsi:type="PQ" value="${value}" unit="${unit}"/>
              </observation>
            </component>`,
              )
              .join('')}
          </organizer>`,
    ],
  })
}

/** FR-Protheses-et-objets-personnels: what goes with the resident. */
export function belongingsSection(record: CareRecord, at: Date): string {
  return section({
    templateIds: ['1.2.250.1.213.1.1.2.53'],
    code: loinc('46264-8', 'Dispositifs médicaux'),
    title: 'Prothèses et objets personnels',
    text: table(['Prothèse / objet personnel', 'Présent'], record.belongings.map((b, i) => [content(`objet-${i + 1}`, b.displayName), cell('oui')])),
    entries: record.belongings.map((b, i) =>
      simpleObservation({ code: b, ref: `objet-${i + 1}`, at, templateIds: ['1.2.250.1.213.1.1.3.12'], value: booleanValue(true), extra: '\n            <targetSiteCode nullFlavor="NASK"/>' }),
    ),
  })
}

/** FR-Evaluation-fonctionnelle-du-sommeil-et-de-l-alimentation: when the resident last ate. */
export function lastMealSection(lastMeal: Date): string {
  return section({
    templateIds: ['1.3.6.1.4.1.19376.1.7.3.1.1.13.5', '1.2.250.1.213.1.1.2.162'],
    code: loinc('47420-5', 'Évaluation du statut fonctionnel'),
    title: 'Date et heure du dernier repas',
    text: `<content ID="dernier-repas">Dernier repas pris le ${xml(lastMeal.toISOString().slice(0, 16).replace('T', ' à '))} (UTC).</content>`,
    entries: [simpleObservation({ code: { code: 'GEN-244', displayName: 'Date et heure du dernier repas', codeSystem: TA_ASIP }, ref: 'dernier-repas', at: lastMeal, value: '<value xsi:type="REAL" nullFlavor="NA"/>' })],
  })
}

/** FR-Dispositifs-medicaux: the medical devices the resident uses (FR-Dispositif-medical). */
export function medicalDevicesSection(record: CareRecord): string {
  return section({
    templateIds: ['2.16.840.1.113883.10.20.1.7', '1.3.6.1.4.1.19376.1.5.3.1.1.5.3.5', '1.2.250.1.213.1.1.2.1'],
    code: loinc('46264-8', 'Dispositifs médicaux'),
    title: 'Dispositifs médicaux',
    text: table(['Depuis le', 'Dispositif'], record.devices.map((d, i) => [cell(frenchDate(d.since)), content(`dispositif-${i + 1}`, d.code.displayName)])),
    entries: record.devices.map(
      (d, i) => `
          <supply classCode="SPLY" moodCode="EVN">
            <templateId root="2.16.840.1.113883.10.20.1.34"/>
            <templateId root="1.2.250.1.213.1.1.3.20"/>
            <id root="${uuid()}"/>
            <text><reference value="#dispositif-${i + 1}"/></text>
            <effectiveTime xsi:type="IVL_TS">
              <low value="${day(d.since)}"/>
            </effectiveTime>
            <participant typeCode="DEV">
              <participantRole classCode="MANU">
                <id nullFlavor="UNK"/>
                <playingDevice classCode="DEV" determinerCode="INSTANCE">
                  <code code="${d.code.code}" displayName="${xml(d.code.displayName)}" codeSystem="${d.code.codeSystem}">
                    <originalText><reference value="#dispositif-${i + 1}"/></originalText>
                  </code>
                </playingDevice>
              </participantRole>
            </participant>
          </supply>`,
    ),
  })
}

export function uuid(): string {
  return randomUUID().toUpperCase()
}
