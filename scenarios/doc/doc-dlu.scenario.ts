import { defineScenario } from '../../harness/index.ts'
import { dluResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** The DLU 2022.01 of an EHPAD resident, shared in the DMP (DOC-010). */
export default defineScenario({
  id: 'doc-dlu',
  title: 'Produire et partager le DLU d\'un résident d\'EHPAD',
  description:
    'Le DUI produit le document de liaison d\'urgence (DLU 2022.01) d\'un résident à partir de son dossier ' +
    'de soins et le partage dans le DMP. Le banc vérifie le modèle : templateId du volet, code 74207-2, ' +
    'acte documenté 34117-2 daté, date de naissance et médecin traitant (participant INF, fonction PCP).',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [registerUsager(usager), produceModelDocument(usager, MODELS.dlu, 'dlu'), shareModelDocument(usager, MODELS.dlu, 'dlu')],
})
