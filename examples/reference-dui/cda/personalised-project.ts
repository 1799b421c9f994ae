import { professional } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import type { DocumentModel } from './document-model.ts'
import { LOINC } from './clinical-document.ts'

/**
 * Projet personnalisé d'accompagnement (JDV_J07 80788-3): the objectives agreed with the usager,
 * reviewed by the team. No CI-SIS structured model: sent as a PDF (CDA N1).
 */
export const personalisedProject: DocumentModel = {
  name: 'projet-personnalise',
  format: 'cda-n1-pdf',
  write: ({ at, mistakes }) => ({
    title: 'Projet personnalisé d\'accompagnement',
    typeCode: mistakes.projectAsCarePlan
      ? { code: '18776-5', displayName: 'Plan personnalisé de soins', codeSystem: LOINC }
      : { code: '80788-3', displayName: 'Projet personnalisé d\'accompagnement', codeSystem: LOINC },
    formatCode: FORMAT_CODES.pdf,
    author: professional,
    serviceEvent: { start: at, end: at },
    body: {
      kind: 'pdf',
      lines: [
        'Attentes de l\'usager : garder ses habitudes de promenade et recevoir sa famille le dimanche.',
        'Objectif 1 : maintenir la marche (accompagnement quotidien, kinésithérapie 2 fois par semaine).',
        'Objectif 2 : participer à l\'atelier mémoire du mardi.',
        'Prochaine réévaluation du projet : dans six mois, avec l\'usager et sa personne de confiance.',
      ],
    },
  }),
}
