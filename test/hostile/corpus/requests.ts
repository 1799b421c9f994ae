import { createHash } from 'node:crypto'
import { kitN1Document } from '../../fixtures/documents/kit-n1-document.ts'
import { validProvideBundle } from '../../fixtures/fhir/provide-bundle.ts'
import { insiRequest } from '../../fixtures/insi/requests.ts'
import { iti41Envelope } from '../../fixtures/xds/iti41-request.ts'
import { findDocumentsBody, retrieveBody, soap12, updateStatusBody } from '../../fixtures/xds/soap.ts'
import { DOCUMENT_HREF } from './mtom-attacks.ts'

/**
 * The valid requests the hostile variants start from (test identities only), and the health
 * probes' payloads. Built once: generators only spoil copies.
 */
export const HOSTILE_INS = '279035121518989'

const ITI18_ACTION = 'urn:ihe:iti:2007:RegistryStoredQuery'
export const SOAP_XML = 'application/soap+xml; charset=UTF-8'

export const validCda = (): Buffer => kitN1Document({ ins: HOSTILE_INS })

/** ITI-41 envelope whose xop:Include points to the `mtom()` document part. */
export const iti41EnvelopeFor = (document: Buffer): Buffer => Buffer.from(iti41Envelope({ ins: HOSTILE_INS, document, includeHref: DOCUMENT_HREF }))

export const iti18Envelope = (): string => soap12(ITI18_ACTION, findDocumentsBody(HOSTILE_INS, ['urn:oasis:names:tc:ebxml-regrep:StatusType:Approved']), HOSTILE_INS)

/** ITI-43 and ITI-57 requests for a document the DMP may not hold: the XML attacks spoil them before any lookup. */
export const iti43Envelope = (): string => soap12('urn:ihe:iti:2007:RetrieveDocumentSet', retrieveBody('1.2.250.1.213.1.1.9', '2.25.1'), HOSTILE_INS)
export const iti57Envelope = (): string =>
  soap12('urn:ihe:iti:2010:UpdateDocumentSet', updateStatusBody('urn:uuid:00000000-0000-4000-8000-000000000001', 'urn:oasis:names:tc:ebxml-regrep:StatusType:Approved', 'urn:oasis:names:tc:ebxml-regrep:StatusType:Deprecated'), HOSTILE_INS)

export const insiEnvelope = (): string => insiRequest()

/** An ITI-65 bundle carrying `document` (size and SHA-1 declared for those bytes). */
export function provideBundleWith(document: Buffer): string {
  const bundle = validProvideBundle(HOSTILE_INS)
  for (const entry of bundle['entry'] as { resource: Record<string, any> }[]) {
    const resource = entry.resource
    if (resource['resourceType'] === 'Binary') resource['data'] = document.toString('base64')
    if (resource['resourceType'] === 'DocumentReference') {
      const attachment = resource['content'][0].attachment
      attachment.size = document.length
      attachment.hash = createHash('sha1').update(document).digest('base64')
    }
  }
  return JSON.stringify(bundle)
}

export const validPatch = (): string => JSON.stringify([{ op: 'replace', path: '/status', value: 'current' }])
