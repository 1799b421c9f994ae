import { defineScenario } from '../../harness/index.ts'
import { exitLetterResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** The lettre de liaison à la sortie d'une structure sociale ou médico-sociale, shared in the DMP (DOC-013). */
export default defineScenario({
  id: 'doc-exit-letter',
  title: 'Produire et partager une lettre de liaison à la sortie de l\'établissement',
  description:
    'Le DUI produit la lettre de liaison remise à la sortie de l\'usager (CDA N1, PDF) et la partage dans ' +
    'le DMP. Le banc vérifie son type : code LOINC 83981-1 (sortie d\'une structure sociale ou ' +
    'médico-sociale), distinct de la lettre de sortie d\'un établissement de soins (11490-0).',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [registerUsager(usager), produceModelDocument(usager, MODELS.exitLetter, 'letter'), shareModelDocument(usager, MODELS.exitLetter, 'letter')],
})
