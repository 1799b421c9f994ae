import { defineScenario } from '../../harness/index.ts'
import { projectResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** The projet personnalisé d'accompagnement, shared in the DMP (DOC-015). */
export default defineScenario({
  id: 'doc-personalised-project',
  title: 'Produire et partager le projet personnalisé d\'accompagnement',
  description:
    'Le DUI produit le projet personnalisé d\'accompagnement de l\'usager (CDA N1, PDF) et le partage ' +
    'dans le DMP. Le banc vérifie son type : code LOINC 80788-3 du JDV_J07, distinct du plan ' +
    'personnalisé de soins (18776-5).',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [registerUsager(usager), produceModelDocument(usager, MODELS.personalisedProject, 'project'), shareModelDocument(usager, MODELS.personalisedProject, 'project')],
})
