import { handlerFor, type MockHandler } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { fhirError } from './fhir-response.ts'

/** ITI-68 Retrieve Document: the bytes at `attachment.url` (`[base]/Binary/<logicalId>`). */
export function retrieveDocument(registry: DmpRegistry): MockHandler {
  return handlerFor.get('dmp.iti68', /^\/Binary\/[^/]+$/, (request) => {
    const id = request.path.split('/')[2] ?? ''
    const document = registry.byLogicalId(id)
    if (!document) return fhirError(404, 'mhd/iti68-unknown', `aucun document d'identifiant ${id}`, { transaction: 'ITI-68' })
    return { status: 200, headers: { 'content-type': document.mimeType }, body: document.bytes, meta: { transaction: 'ITI-68', patientIns: document.patient.value, uniqueId: document.uniqueId } }
  })
}
