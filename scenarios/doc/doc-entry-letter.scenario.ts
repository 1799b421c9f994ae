import { defineScenario } from '../../harness/index.ts'
import { entryLetterResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** The lettre de liaison d'entrée en structure sociale ou médico-sociale, shared in the DMP (DOC-013). */
export default defineScenario({
  id: 'doc-entry-letter',
  title: 'Produire et partager une lettre de liaison d\'entrée en structure médico-sociale',
  description:
    'Le DUI produit la lettre de liaison qui accompagne l\'usager orienté vers une autre structure ' +
    'sociale ou médico-sociale (CDA N1, PDF) et la partage dans le DMP. Le banc vérifie son type : ' +
    'code LOINC 88348-8 du JDV_J07.',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [registerUsager(usager), produceModelDocument(usager, MODELS.entryLetter, 'letter'), shareModelDocument(usager, MODELS.entryLetter, 'letter')],
})
