import { defineScenario } from '../../harness/index.ts'
import { ipsResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** The IPS-FR 2024.01 DLU of a resident, shared in the DMP (DOC-014). */
export default defineScenario({
  id: 'doc-ips-fr-dlu',
  title: 'Produire et partager l\'IPS-FR au format DLU d\'un résident',
  description:
    'Le DUI produit la synthèse du résident au format IPS-FR 2024.01 de type DLU et la partage dans le ' +
    'DMP. Le banc vérifie le modèle : templateId IPS 2.16.840.1.113883.10.22.1.1 et IPS-FR ' +
    '1.2.250.1.213.1.1.1.51 (2024.01), code 74207-2.',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [registerUsager(usager), produceModelDocument(usager, MODELS.ipsFrDlu, 'ips'), shareModelDocument(usager, MODELS.ipsFrDlu, 'ips')],
})
