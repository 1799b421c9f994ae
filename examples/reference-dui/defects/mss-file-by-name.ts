import type { Defect } from './defect.ts'

export const mssFileByName: Defect = {
  name: 'mss-file-by-name',
  requirement: 'MSS-010',
  description: 'classe un document reçu chez le premier usager qui a le nom de naissance et la date de naissance de l\'objet du message, au lieu de l\'INS de METADATA.XML (erreur sur des jumelles)',
  mistakes: { mssFileByNameAndBirthDate: true },
}
