import { batchBundle } from './batch-bundle.ts'
import type { Defect } from './defect.ts'
import { insiIgnoresCr02 } from './insi-ignores-cr02.ts'
import { insSentUnqualified } from './ins-sent-unqualified.ts'
import { pscAcceptsAnyAcr } from './psc-accepts-any-acr.ts'
import { annuaireFirstEmail } from './annuaire-first-email.ts'
import { hashOfPdf } from './hash-of-pdf.ts'
import { insLegacyOid } from './ins-legacy-oid.ts'
import { localDocumentId } from './local-document-id.ts'
import { xdsWithoutMtom } from './xds-without-mtom.ts'
import { noVihf } from './no-vihf.ts'
import { feedWithoutCheck } from './feed-without-check.ts'
import { replaceWithoutRelation } from './replace-without-relation.ts'
import { searchWithoutStatus } from './search-without-status.ts'
import { maskRestricted } from './mask-restricted.ts'
import { deleteInsteadOfArchive } from './delete-instead-of-archive.ts'
import { facilityTypeFreeText } from './facility-type-free-text.ts'
import { typeCodeMismatch } from './type-code-mismatch.ts'
import { cdaWithDoctype } from './cda-with-doctype.ts'
import { cdaWithoutRealm } from './cda-without-realm.ts'
import { cdaBodyWithoutB64 } from './cda-body-without-b64.ts'
import { cdaWithoutBirthplace } from './cda-without-birthplace.ts'
import { mssFreeTextSubject } from './mss-free-text-subject.ts'
import { mssLatin1Text } from './mss-latin1-text.ts'
import { mssNoMdn } from './mss-no-mdn.ts'
import { mssNoPdf } from './mss-no-pdf.ts'
import { xdmHashOfPdf } from './xdm-hash-of-pdf.ts'

export type { Defect, Mistakes } from './defect.ts'

/** Every seeded defect of the reference DUI, by name. */
export const defects: readonly Defect[] = [insiIgnoresCr02, insSentUnqualified, pscAcceptsAnyAcr, annuaireFirstEmail, batchBundle, insLegacyOid, hashOfPdf, localDocumentId, xdsWithoutMtom, noVihf, feedWithoutCheck, replaceWithoutRelation, searchWithoutStatus, maskRestricted, deleteInsteadOfArchive, facilityTypeFreeText, typeCodeMismatch, cdaWithDoctype, cdaWithoutRealm, cdaBodyWithoutB64, cdaWithoutBirthplace, mssNoPdf, mssFreeTextSubject, mssLatin1Text, xdmHashOfPdf, mssNoMdn]

export function findDefect(name: string): Defect | undefined {
  return defects.find((defect) => defect.name === name)
}
