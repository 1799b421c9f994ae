import type { Defect } from './defect.ts'

export const deleteInsteadOfArchive: Defect = {
  name: 'delete-instead-of-archive',
  requirement: 'DMP-012',
  description: "supprime le document du DMP quand l'utilisateur demande de l'archiver",
  mistakes: { deleteInsteadOfArchive: true },
}
