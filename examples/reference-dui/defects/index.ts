import { batchBundle } from './batch-bundle.ts'
import type { Defect } from './defect.ts'
import { hashOfPdf } from './hash-of-pdf.ts'
import { insLegacyOid } from './ins-legacy-oid.ts'
import { localDocumentId } from './local-document-id.ts'

export type { Defect, Mistakes } from './defect.ts'

/** Every seeded defect of the reference DUI, by name. */
export const defects: readonly Defect[] = [batchBundle, insLegacyOid, hashOfPdf, localDocumentId]

export function findDefect(name: string): Defect | undefined {
  return defects.find((defect) => defect.name === name)
}
