import type { Defect } from './defect.ts'

export const mssLatin1Text: Defect = {
  name: 'mss-latin1-text',
  requirement: 'MSS-004',
  description: 'écrit la partie texte du message en ISO-8859-1 au lieu de UTF-8',
  mistakes: { mssLatin1Text: true },
}
