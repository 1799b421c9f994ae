import { defineScenario } from '../../harness/index.ts'
import { vsmResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** The VSM (volet de synthèse médicale) of a resident, shared in the DMP (DOC-012). */
export default defineScenario({
  id: 'doc-vsm',
  title: 'Produire et partager la synthèse médicale (VSM) d\'un résident',
  description:
    'Le médecin coordonnateur produit dans le DUI la synthèse médicale (VSM) d\'un résident et la partage ' +
    'dans le DMP. Le banc vérifie le modèle : templateId 1.2.250.1.213.1.1.1.13, code SYNTH (TRE_A05), ' +
    'acte documenté 34117-2 et médecin traitant (participant INF, fonction PCP).',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [registerUsager(usager), produceModelDocument(usager, MODELS.vsm, 'vsm'), shareModelDocument(usager, MODELS.vsm, 'vsm')],
})
