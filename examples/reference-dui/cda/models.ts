import type { DocumentModel } from './document-model.ts'
import { dlu } from './dlu.ts'
import { fludr } from './fludr.ts'
import { fludt } from './fludt.ts'
import { ipsFrDlu } from './ips-fr-dlu.ts'
import { entryLetter, exitLetter } from './liaison-letters.ts'
import { personalisedProject } from './personalised-project.ts'
import { vsm } from './vsm.ts'

/** Every document model the DUI writes, by the name `document.produce` uses. */
export const DOCUMENT_MODELS: readonly DocumentModel[] = [dlu, fludt, fludr, vsm, ipsFrDlu, entryLetter, exitLetter, personalisedProject]

export function findModel(name: string): DocumentModel | undefined {
  return DOCUMENT_MODELS.find((model) => model.name === name)
}
