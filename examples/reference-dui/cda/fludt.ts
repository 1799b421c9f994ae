import { establishment, professional, referenceHospital } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import type { DocumentModel } from './document-model.ts'
import { belongingsSection, commentSection, lastMealSection, medicationsSection, resultsSection, transferSection, vitalSignsSection } from './sections.ts'
import { LOINC } from './clinical-document.ts'

const HOUR = 3_600_000

/**
 * FLUDT 2022.01 (fiche de liaison d'urgence, transfert de l'EHPAD vers les urgences): written by
 * the nurse when the resident leaves for the emergency department, with the last vital signs,
 * the last intake of the usual treatment and meal, and what goes with the resident.
 */
export const fludt: DocumentModel = {
  name: 'fludt',
  format: 'cda-structured',
  write: ({ record, at, mistakes }) => {
    const lastMeal = new Date(at.getTime() - 3 * HOUR)
    return {
      title: 'Fiche de liaison d\'urgence - transfert vers les urgences',
      typeCode: { code: '74207-2', displayName: 'Document de liaison d\'urgence', codeSystem: LOINC },
      formatCode: FORMAT_CODES.fludt,
      author: professional,
      serviceEvent: { code: { code: '28651-8', displayName: 'Transfert du patient au service des urgences', codeSystem: LOINC }, start: mistakes.fludtTransferStartUnknown ? undefined : at, end: at },
      body: {
        kind: 'structured',
        templateIds: [{ root: '1.2.250.1.213.1.1.1.23', extension: '2022.01' }],
        sections: [
          transferSection({
            title: 'Transfert du résident vers le service des urgences',
            reasonCode: { code: '57277-6', displayName: 'Motif du transfert vers le service des urgences', codeSystem: LOINC },
            reason: 'Chute dans la chambre, douleur du genou droit.',
            destination: referenceHospital,
            start: at,
            end: new Date(at.getTime() + HOUR / 2),
          }),
          vitalSignsSection(record, at),
          resultsSection('Etat de conscience', [{ code: { code: 'DLU_002', displayName: 'Conscient et éveillé', codeSystem: '1.2.250.1.213.1.1.4.322' }, label: 'Conscient et éveillé', value: true }], at),
          medicationsSection(record, 'Traitement habituel', `Dernière prise du traitement habituel : ${lastMeal.toISOString().slice(0, 16).replace('T', ' à ')} (UTC).`),
          lastMealSection(lastMeal),
          belongingsSection(record, at),
          commentSection(`Résident accompagné par l'équipe de ${establishment.name}.`),
        ],
      },
    }
  },
}
