import { validateCda, type Issue } from '../../harness/index.ts'
import type { HttpExchange, SubmittedMessage } from '../../mocks/index.ts'
import { bundleDocuments } from '../dmp/steps.ts'

/** The usager whose documents are looked for: her local id (IPP) and her INS, not qualified in the DUI. */
export interface UnqualifiedUsager {
  readonly localId: string
  readonly ins: string
  readonly status: 'provisoire' | 'recuperee' | 'validee'
}

/** A CDA document that left the DUI, where it was seen, and the evidence holding it. */
export interface SentDocument {
  readonly bytes: Buffer
  readonly where: string
  readonly evidenceId: string
}

/** The CDA documents of the ITI-65 bundles the DMP's PDSm endpoint received. */
export function documentsSentToDmp(exchanges: readonly HttpExchange[]): SentDocument[] {
  return exchanges.flatMap((exchange) => bundleDocuments(exchange).map((bytes) => ({ bytes, where: `${exchange.request.method} ${exchange.request.path}`, evidenceId: exchange.evidenceId })))
}

/** The CDA documents of the IHE_XDM archive of an MSSanté message. */
export function documentsSentByMail(message: SubmittedMessage): SentDocument[] {
  return message.analysis.xdm.flatMap((xdm) => xdm.documents.map((document) => ({ bytes: document.bytes, where: `IHE_XDM.zip!${document.path}`, evidenceId: message.evidenceId })))
}

/**
 * DOC-008 on every CDA of the usager that left the DUI (to the DMP, by MSSanté): inside the
 * document, no INS for an identity that is not qualified. The metadata and the transport are
 * INS-005's; this looks inside the documents only. A document is hers when its patientRole names
 * her IPP or INS.
 */
export async function insInsideDocuments(documents: readonly SentDocument[], usager: UnqualifiedUsager): Promise<Issue[]> {
  const issues: Issue[] = []
  for (const document of documents) {
    // Other scenarios' documents pass by too: only hers are worth parsing.
    const text = document.bytes.toString('utf8')
    if (!text.includes(usager.localId) && !text.includes(usager.ins)) continue
    const result = await validateCda(document.bytes, { identity: { status: usager.status, ins: usager.ins } })
    const ids = result.header?.patient.ids ?? []
    if (!ids.some((id) => id.extension === usager.localId || id.extension === usager.ins)) continue
    issues.push(...result.issues.filter((issue) => issue.requirement === 'DOC-008').map((issue) => ({ ...issue, evidence: document.evidenceId, location: { ...issue.location, path: `${document.where} › ${issue.location?.path ?? '/'}` } })))
  }
  return issues
}
