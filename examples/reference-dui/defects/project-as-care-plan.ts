import type { Defect } from './defect.ts'

export const projectAsCarePlan: Defect = {
  name: 'project-as-care-plan',
  requirement: 'DOC-015',
  description: 'type le projet personnalisé d\'accompagnement 18776-5 (plan personnalisé de soins) au lieu de 80788-3',
  mistakes: { projectAsCarePlan: true },
}
