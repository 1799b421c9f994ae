import { coordinatingPhysician } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import type { DocumentModel } from './document-model.ts'
import { activeProblemsSection, advanceDirectivesSection, allergiesSection, medicalDevicesSection, medicationsSection, pastIllnessSection, surgicalHistorySection } from './sections.ts'
import { LOINC } from './clinical-document.ts'

/**
 * IPS-FR 2024.01 in its DLU flavour (patient summary of the International Patient Summary, typed
 * document de liaison d'urgence): the 2024 form of the DLU, signed by the médecin coordonnateur.
 */
export const ipsFrDlu: DocumentModel = {
  name: 'ips-fr-dlu',
  format: 'cda-structured',
  write: ({ record, at, mistakes }) => ({
    title: 'Document de liaison d\'urgence (IPS-FR)',
    typeCode: { code: '74207-2', displayName: 'Document de liaison d\'urgence', codeSystem: LOINC },
    formatCode: FORMAT_CODES.dlu2024,
    author: coordinatingPhysician,
    withAttendingPhysician: true,
    serviceEvent: { code: { code: '34117-2', displayName: 'Historique et clinique', codeSystem: LOINC }, start: at, end: at },
    body: {
      kind: 'structured',
      templateIds: [...(mistakes.ipsWithoutIpsTemplate ? [] : [{ root: '2.16.840.1.113883.10.22.1.1' }]), { root: '1.2.250.1.213.1.1.1.51', extension: '2024.01' }],
      sections: [
        activeProblemsSection(record),
        pastIllnessSection(record),
        surgicalHistorySection(record),
        allergiesSection(record),
        medicationsSection(record, 'Traitements'),
        medicalDevicesSection(record),
        advanceDirectivesSection(record),
      ],
    },
  }),
}
