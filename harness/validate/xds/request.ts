import { hasBlockingIssues, sortIssues, type Issue } from '../../core/issue.ts'
import type { CdaValidationOptions } from '../cda/index.ts'
import { ITI41_ACTION, judgeIti41 } from './iti41-request.ts'
import { readSoapRequest, transportIssue } from './soap-request.ts'
import { checkVihf } from './vihf.ts'

/** Actions of the XDS.b transactions a DUI sends to the DMP. */
const KNOWN_ACTIONS = [ITI41_ACTION, 'urn:ihe:iti:2007:RegistryStoredQuery', 'urn:ihe:iti:2007:RetrieveDocumentSet', 'urn:ihe:iti:2010:UpdateDocumentSet']

export interface XdsRequestValidation {
  readonly valid: boolean
  readonly issues: readonly Issue[]
}

/**
 * Validates an XDS.b request saved to a file, offline: either a SOAP 1.2 envelope, or a MIME
 * entity (a `Content-Type: multipart/related…` header block, a blank line, then the MTOM body).
 * ITI-41 is judged in full (as the DMP simulator does, except the registry checks); the other
 * transactions on their transport and VIHF.
 */
export async function validateXdsRequest(file: Buffer, options: { readonly cda?: CdaValidationOptions } = {}): Promise<XdsRequestValidation> {
  const { contentType, body } = splitEntity(file)
  const read = readSoapRequest(contentType, body)
  if (!read.ok) return result(read.issues)
  try {
    const action = read.soap.action
    if (action === ITI41_ACTION) return result([...read.issues, ...(await judgeIti41(read.soap, options)).issues])
    const unknown = action && KNOWN_ACTIONS.includes(action) ? [] : [transportIssue(action ? `action SOAP « ${action} » inconnue du DMP (attendu : ${KNOWN_ACTIONS.join(', ')})` : 'action SOAP absente : l\'en-tête wsa:Action est obligatoire', 'soap:Header/wsa:Action')]
    return result([...read.issues, ...unknown, ...checkVihf(read.soap.header, undefined).issues])
  } finally {
    read.soap.doc.dispose()
  }
}

/** An XML file is a plain SOAP request; anything else must start with its MIME headers. */
function splitEntity(file: Buffer): { contentType: string; body: Buffer } {
  const start = file.subarray(0, 512).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart()
  if (start.startsWith('<') || file[0] === 0xff || file[0] === 0xfe) return { contentType: 'application/soap+xml', body: file }
  const end = file.indexOf('\r\n\r\n')
  if (end < 0) return { contentType: '', body: file }
  const head = file.subarray(0, end).toString('latin1').replace(/\r\n[ \t]+/g, ' ')
  const contentType = /^content-type:[ \t]*(.*)$/im.exec(head)?.[1]?.trim() ?? ''
  return { contentType, body: file.subarray(end + 4) }
}

function result(issues: readonly Issue[]): XdsRequestValidation {
  const sorted = sortIssues(issues)
  return { valid: !hasBlockingIssues(sorted), issues: sorted }
}
