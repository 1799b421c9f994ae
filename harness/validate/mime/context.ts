import type { Issue } from '../../core/issue.ts'
import type { XdmValidationResult } from '../xdm/index.ts'
import type { MimePart, MimeProblem } from './mime-tree.ts'

/** What a message is, which decides the rules that apply. */
export type MessageKind = 'document' | 'mdn' | 'dsn' | 'plain'

export interface Attachment {
  readonly part: MimePart
  readonly filename?: string
  readonly contentType: string
  readonly bytes: Buffer
}

export interface MessageOptions {
  /** SMTP envelope, when the message came through the simulator. */
  readonly envelope?: { readonly from: string; readonly to: readonly string[] }
  /** What the sending DUI knows of the patient (`QUAL` allows a patient address). */
  readonly identityStatus?: 'PROV' | 'RECUP' | 'VALI' | 'QUAL'
}

/** What every MIME rule receives. */
export interface MimeContext {
  readonly raw: Buffer
  readonly root: MimePart
  readonly problems: readonly MimeProblem[]
  readonly kind: MessageKind
  readonly attachments: readonly Attachment[]
  /** Validation of each IHE_XDM.ZIP attachment. */
  readonly xdm: readonly XdmValidationResult[]
  readonly options: MessageOptions
}

/** Domain of patient mailboxes in Mon espace santé (brief §6.1). */
export const PATIENT_DOMAIN = 'patient.mssante.fr'

export function mimeIssue(rule: string, requirement: string, code: Issue['code'], message: string, path = '1', severity: Issue['severity'] = 'error', params?: Record<string, unknown>): Issue {
  return { severity, code, rule, requirement, message, location: { path }, ...(params ? { params } : {}) }
}

/** Bare addresses of an address-list header (`Name <a@b>, c@d`). */
export function addresses(value: string | undefined): string[] {
  if (!value) return []
  return [...value.matchAll(/<([^<>\s]+@[^<>\s]+)>|([^\s<>,;"]+@[^\s<>,;"]+)/g)].map((m) => (m[1] ?? m[2] ?? '').toLowerCase())
}
