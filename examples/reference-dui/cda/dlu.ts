import { coordinatingPhysician, establishment, OID, referenceHospital } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import { renderPdf } from '../pdf.ts'
import { escapeXml as xml } from '../xml-escape.ts'
import { address, coded, LOINC } from './clinical-document.ts'
import type { DocumentModel } from './document-model.ts'
import {
  activeProblemsSection,
  advanceDirectivesSection,
  allergiesSection,
  attachedDocumentsSection,
  content,
  medicationsSection,
  multiResistantBacteriaSection,
  palliativeCareSection,
  pastIllnessSection,
  residentStateSection,
  section,
  uuid,
} from './sections.ts'

const PREFERRED_HOSPITAL = { code: '11302-7', displayName: 'Etablissement de santé de préférence', codeSystem: LOINC }

/**
 * DLU 2022.01 (document de liaison d'urgence, CI-SIS volet DLU-EHPAD): what the emergency team
 * needs to know about a resident, kept up to date by the EHPAD and signed by its médecin
 * coordonnateur. It names the resident's médecin traitant.
 */
export const dlu: DocumentModel = {
  name: 'dlu',
  format: 'cda-structured',
  write: ({ record, at, mistakes }) => ({
    title: 'Document de liaison d\'urgence',
    typeCode: { code: '74207-2', displayName: 'Document de liaison d\'urgence', codeSystem: LOINC },
    formatCode: FORMAT_CODES.dlu,
    author: coordinatingPhysician,
    withAttendingPhysician: !mistakes.dluWithoutAttendingPhysician,
    serviceEvent: { code: { code: '34117-2', displayName: 'Historique et clinique', codeSystem: LOINC }, start: at, end: at },
    body: {
      kind: 'structured',
      templateIds: [{ root: '1.2.250.1.213.1.1.1.22', extension: '2022.01' }],
      sections: [
        preferredHospitalSection(),
        activeProblemsSection(record),
        pastIllnessSection(record),
        allergiesSection(record),
        medicationsSection(record),
        palliativeCareSection(record),
        advanceDirectivesSection(record),
        residentStateSection(record),
        multiResistantBacteriaSection(record),
        attachedDocumentsSection('Documents annexés au DLU', [
          {
            type: { code: 'DLU_019', displayName: 'Liste des capacités en soins de l\'EHPAD', codeSystem: '1.2.250.1.213.1.1.4.322' },
            pdf: renderPdf('Capacités en soins de l\'EHPAD', [establishment.name, 'Soins infirmiers 24 h/24, oxygénothérapie, alimentation entérale, soins palliatifs.']),
          },
        ]),
      ],
    },
  }),
}

/** FR-Dispositions: the hospital the resident should be taken to. */
function preferredHospitalSection(): string {
  const hospital = referenceHospital
  return section({
    templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.1.13.2.10', '1.2.250.1.213.1.1.2.172'],
    code: PREFERRED_HOSPITAL,
    title: 'Etablissement de santé de préférence',
    text: content('es-preference', `${hospital.name}, ${hospital.address.houseNumber} ${hospital.address.streetName}, ${hospital.address.postalCode} ${hospital.address.city}`),
    entries: [
      `
          <act classCode="ACT" moodCode="INT">
            <templateId root="1.3.6.1.4.1.19376.1.5.3.1.1.10.4.2"/>
            <templateId root="1.2.250.1.213.1.1.3.97"/>
            <id root="${uuid()}"/>
            ${coded('code', PREFERRED_HOSPITAL)}
            <text><reference value="#es-preference"/></text>
            <statusCode code="normal"/>
            <effectiveTime nullFlavor="NAV"/>
            <participant typeCode="DST">
              <time nullFlavor="NAV"/>
              <participantRole classCode="ROL">
                <id root="${OID.structureIdNat}" extension="${hospital.idNat}"/>
                ${address(hospital.address)}
                <telecom value="tel:${hospital.phone}" use="WP"/>
                <playingEntity>
                  <name>${xml(hospital.name)}</name>
                </playingEntity>
              </participantRole>
            </participant>
          </act>`,
    ],
  })
}
