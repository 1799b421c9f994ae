import type { Defect } from './defect.ts'

export const mssBounceByInReplyTo: Defect = {
  name: 'mss-bounce-by-in-reply-to',
  requirement: 'MSS-011',
  description: 'rattache un avis de non-remise au message envoyé par son en-tête In-Reply-To, qu\'un avis de non-remise ne porte pas, au lieu des en-têtes retournés',
  mistakes: { mssBounceByInReplyTo: true },
}
