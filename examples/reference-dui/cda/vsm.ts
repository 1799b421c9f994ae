import { coordinatingPhysician } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import type { DocumentModel } from './document-model.ts'
import { activeProblemsSection, allergiesSection, medicationsSection, pastIllnessSection, section, surgicalHistorySection, table, cell } from './sections.ts'
import { LOINC } from './clinical-document.ts'

/**
 * VSM 1.4 (volet de synthèse médicale, CI-SIS): the médecin coordonnateur's synthesis of the
 * resident's health, typed SYNTH (TRE_A05), naming the médecin traitant.
 */
export const vsm: DocumentModel = {
  name: 'vsm',
  format: 'cda-structured',
  write: ({ record, at, mistakes }) => ({
    title: 'Synthèse médicale',
    typeCode: mistakes.vsmLoincTypeCode
      ? { code: '60591-5', displayName: 'Synthèse médicale', codeSystem: LOINC }
      : { code: 'SYNTH', displayName: 'Synthèse', codeSystem: '1.2.250.1.213.1.1.4.12' },
    formatCode: FORMAT_CODES.vsm,
    author: coordinatingPhysician,
    withAttendingPhysician: true,
    serviceEvent: { code: { code: '34117-2', displayName: 'Historique et clinique', codeSystem: LOINC }, start: at, end: at },
    body: {
      kind: 'structured',
      templateIds: [{ root: '1.2.250.1.213.1.1.1.13', extension: '201310' }],
      sections: [
        section({
          templateIds: ['1.2.250.1.213.1.1.2.29'],
          code: { code: '46612-8', displayName: 'Conclusions de synthèse', codeSystem: LOINC },
          title: 'Pathologies en cours, antécédents, allergies et facteurs de risque',
          subsections: [
            section({
              templateIds: ['1.2.250.1.213.1.1.2.30'],
              code: { code: '34117-2', displayName: 'Historique et physique', codeSystem: LOINC },
              title: 'Pathologies en cours, antécédents et allergies',
              subsections: [activeProblemsSection(record), pastIllnessSection(record), surgicalHistorySection(record), allergiesSection(record)],
            }),
            section({
              templateIds: ['1.2.250.1.213.1.1.2.31'],
              code: { code: '57207-3', displayName: 'Facteurs de risque présents ou passés affectant l\'état de santé et/ou une circonstance', codeSystem: LOINC },
              title: 'Facteurs de risque',
              text: 'Ancien fumeur (sevré depuis 2018). Pas de facteur de risque professionnel connu.',
            }),
          ],
        }),
        section({
          templateIds: ['1.3.6.1.4.1.19376.1.5.3.1.3.27', '1.2.250.1.213.1.1.2.150'],
          code: { code: '30954-2', displayName: 'Résultats d\'examens', codeSystem: LOINC },
          title: 'Points de vigilance',
          text: table(['Point de vigilance'], [[cell('Risque de chute : déambulation à accompagner.')], [cell('Troubles de l\'orientation temporo-spatiale.')]]),
        }),
        section({
          templateIds: ['1.2.250.1.213.1.1.2.32'],
          code: { code: '18776-5', displayName: 'Plan de traitement', codeSystem: LOINC },
          title: 'Traitement au long cours',
          subsections: [medicationsSection(record, 'Traitements')],
        }),
      ],
    },
  }),
}
