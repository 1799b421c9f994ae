import { establishment, OID, professional } from '../establishment.ts'
import { FORMAT_CODES } from '../format-codes.ts'
import { renderPdf } from '../pdf.ts'
import type { DocumentModel } from './document-model.ts'
import { attachedDocumentsSection, belongingsSection, dischargeDiagnosisSection, dischargeMedicationsSection, transferSection } from './sections.ts'
import { LOINC } from './clinical-document.ts'

const HOUR = 3_600_000

/**
 * FLUDR 2022.01 (fiche de liaison d'urgence, retour des urgences vers l'EHPAD): when the
 * resident comes back, the nurse records what the emergency department reports (diagnosis,
 * treatment on discharge, prescription attached) so that it is filed and shared.
 */
export const fludr: DocumentModel = {
  name: 'fludr',
  format: 'cda-structured',
  write: ({ record, at }) => ({
    title: 'Fiche de liaison d\'urgence - retour à l\'EHPAD',
    typeCode: { code: '74207-2', displayName: 'Document de liaison d\'urgence', codeSystem: LOINC },
    formatCode: FORMAT_CODES.fludr,
    author: professional,
    serviceEvent: { code: { code: '28651-8', displayName: 'Retour du résident à l\'EHPAD', codeSystem: LOINC }, start: at, end: at },
    body: {
      kind: 'structured',
      templateIds: [{ root: '1.2.250.1.213.1.1.1.24', extension: '2022.01' }],
      sections: [
        transferSection({
          title: 'Retour du résident à l\'EHPAD',
          reasonCode: { code: '15515-0', displayName: 'Motif du transport', codeSystem: LOINC },
          reason: 'Retour après examen aux urgences.',
          destination: { name: establishment.name, idNat: establishment.idNat, activitySector: establishment.activitySector, address: establishment.address, phone: establishment.phone },
          start: at,
          end: new Date(at.getTime() + HOUR / 2),
        }),
        dischargeDiagnosisSection([{ code: { code: 'S80.0', displayName: 'Contusion du genou', codeSystem: '2.16.840.1.113883.6.3' }, since: at.toISOString().slice(0, 10) }]),
        dischargeMedicationsSection(record.treatments),
        belongingsSection(record, at),
        attachedDocumentsSection('Documents annexés à la fiche de retour', [
          {
            type: { code: 'DLU_020', displayName: 'Ordonnance de sortie', codeSystem: '1.2.250.1.213.1.1.4.322' },
            pdf: renderPdf('Ordonnance de sortie des urgences', [`Structure d'accueil : ${establishment.name} (${OID.structureIdNat} ${establishment.idNat})`, 'Poursuite du traitement habituel. Glace sur le genou 3 fois par jour.']),
          },
        ]),
      ],
    },
  }),
}
