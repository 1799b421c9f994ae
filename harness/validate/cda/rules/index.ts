import type { ValidationRule } from '../../rule.ts'
import type { CdaContext } from '../context.ts'
import { headerAuthor } from './header-author.ts'
import { headerClassMood } from './header-class-mood.ts'
import { headerCode } from './header-code.ts'
import { headerComponent } from './header-component.ts'
import { headerComponentOf } from './header-component-of.ts'
import { headerConfidentialityCode } from './header-confidentiality-code.ts'
import { headerCustodian } from './header-custodian.ts'
import { headerDocumentationOf } from './header-documentation-of.ts'
import { headerEffectiveTime } from './header-effective-time.ts'
import { headerId } from './header-id.ts'
import { headerLanguageCode } from './header-language-code.ts'
import { headerLegalAuthenticator } from './header-legal-authenticator.ts'
import { headerRealmCode } from './header-realm-code.ts'
import { headerRecordTarget } from './header-record-target.ts'
import { headerSetId } from './header-set-id.ts'
import { headerTemplateIds } from './header-template-ids.ts'
import { headerTitle } from './header-title.ts'
import { headerTypeId } from './header-type-id.ts'
import { headerVersionNumber } from './header-version-number.ts'
import { insBirthTraits } from './ins-birth-traits.ts'
import { insOid } from './ins-oid.ts'
import { insQualifiedIdentity } from './ins-qualified-identity.ts'
import { msBirthTime } from './ms-birth-time.ts'
import { msDocumentCode } from './ms-document-code.ts'
import { msInformant } from './ms-informant.ts'
import { msServiceEvent } from './ms-service-event.ts'
import { msTemplateId } from './ms-template-id.ts'
import { n1Body } from './n1-body.ts'
import { n1TemplateIds } from './n1-template-ids.ts'
import { relatedDocument } from './related-document.ts'

/** Every built-in CI-SIS rule, always run (no kit needed). */
export const BUILT_IN_CDA_RULES: readonly ValidationRule<CdaContext>[] = [
  headerClassMood,
  headerRealmCode,
  headerTypeId,
  headerTemplateIds,
  headerId,
  headerCode,
  headerTitle,
  headerEffectiveTime,
  headerConfidentialityCode,
  headerLanguageCode,
  headerSetId,
  headerVersionNumber,
  headerRecordTarget,
  headerAuthor,
  headerCustodian,
  headerLegalAuthenticator,
  headerDocumentationOf,
  headerComponentOf,
  headerComponent,
  relatedDocument,
  n1TemplateIds,
  n1Body,
  insOid,
  insBirthTraits,
  insQualifiedIdentity,
  msTemplateId,
  msDocumentCode,
  msServiceEvent,
  msBirthTime,
  msInformant,
]
