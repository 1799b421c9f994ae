import type { CareRecord } from '../care-record.ts'
import { coordinatingPhysician, establishment } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import type { DocumentModel } from './document-model.ts'
import { LOINC } from './clinical-document.ts'

/**
 * Lettres de liaison of the social and médico-social sector (JDV_J07 88348-8 and 83981-1): no
 * CI-SIS structured model exists for them, so the DUI sends the letter as a PDF (CDA N1).
 */
export const entryLetter: DocumentModel = {
  name: 'lettre-liaison-entree',
  format: 'cda-n1-pdf',
  write: ({ record, at }) => ({
    title: 'Lettre de liaison d\'entrée en structure médico-sociale',
    typeCode: { code: '88348-8', displayName: 'Lettre de liaison d\'entrée en structure sociale ou médico-sociale', codeSystem: LOINC },
    formatCode: FORMAT_CODES.pdf,
    author: coordinatingPhysician,
    serviceEvent: { start: at, end: at },
    body: { kind: 'pdf', lines: ['Orientation vers un accueil de jour (structure médico-sociale).', ...summary(record)] },
  }),
}

export const exitLetter: DocumentModel = {
  name: 'lettre-liaison-sortie',
  format: 'cda-n1-pdf',
  write: ({ record, at, mistakes }) => ({
    title: 'Lettre de liaison à la sortie de l\'établissement',
    typeCode: mistakes.exitLetterHospitalCode
      ? { code: '11490-0', displayName: 'Lettre de liaison à la sortie d\'un établissement de soins', codeSystem: LOINC }
      : { code: '83981-1', displayName: 'Lettre de liaison à la sortie d\'une structure sociale ou médico-sociale', codeSystem: LOINC },
    formatCode: FORMAT_CODES.pdf,
    author: coordinatingPhysician,
    serviceEvent: { start: at, end: at },
    body: { kind: 'pdf', lines: [`Sortie de ${establishment.name} : retour à domicile avec un service de soins infirmiers.`, ...summary(record)] },
  }),
}

/** What every letter says of the resident's health. */
function summary(record: CareRecord): string[] {
  return [
    `Pathologies : ${record.activeProblems.map((p) => p.code.displayName).join(', ')}.`,
    `Allergies : ${record.allergies.map((a) => a.agent.displayName).join(', ')}.`,
    `Traitement : ${record.treatments.map((t) => `${t.name}, ${t.unitsPerIntake} par prise, ${t.intakesPerDay} fois par jour`).join(' ; ')}.`,
    `Directives anticipées : ${record.advanceDirectives ? 'rédigées' : 'non rédigées'}.`,
  ]
}
