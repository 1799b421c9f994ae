import type { ValidationRule } from '../../rule.ts'
import type { MimeContext } from '../context.ts'
import { mdnRule } from './mdn.ts'
import { messageIdRule } from './message-id.ts'
import { mssHeadersRule } from './mss-headers.ts'
import { patientAddressRule } from './patient-address.ts'
import { singlePatientRule } from './single-patient.ts'
import { subjectRule } from './subject.ts'
import { utf8TextRule } from './utf8-text.ts'
import { wellFormedRule } from './well-formed.ts'
import { xdmAndPdfRule } from './xdm-and-pdf.ts'
import { xdmContentRule } from './xdm-content.ts'

export const MIME_RULES: readonly ValidationRule<MimeContext>[] = [
  wellFormedRule,
  messageIdRule,
  utf8TextRule,
  subjectRule,
  xdmAndPdfRule,
  singlePatientRule,
  xdmContentRule,
  patientAddressRule,
  mdnRule,
  mssHeadersRule,
]
