import { defineScenario } from '../../harness/index.ts'
import { transferResident as usager } from '../fixtures/doc-identities.ts'
import { registerUsager } from '../shared-steps.ts'
import { MODELS, produceModelDocument, shareModelDocument } from './steps.ts'

/** A resident's transfer to the emergency department and return: FLUDT then FLUDR, shared in the DMP (DOC-011). */
export default defineScenario({
  id: 'doc-emergency-transfer',
  title: 'Transfert d\'un résident aux urgences et retour : FLUDT et FLUDR',
  description:
    'Un résident est transféré aux urgences : le DUI produit la fiche de transfert (FLUDT) et la partage ' +
    'dans le DMP ; à son retour, il produit la fiche de retour (FLUDR) et la partage. Le banc vérifie ' +
    'chaque modèle : templateId du volet, code 74207-2, acte documenté 28651-8 daté sans nullFlavor, ' +
    'date de naissance du patient.',
  section: 'DOC',
  concurrent: true,
  verifies: [],
  steps: [
    registerUsager(usager),
    produceModelDocument(usager, MODELS.fludt, 'fludt'),
    shareModelDocument(usager, MODELS.fludt, 'fludt'),
    produceModelDocument(usager, MODELS.fludr, 'fludr'),
    shareModelDocument(usager, MODELS.fludr, 'fludr'),
  ],
})
