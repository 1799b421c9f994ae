import { isUtf8 } from 'node:buffer'
import { handlerFor, type MockHandler } from '../../http/handler.ts'
import type { Code } from '../../../harness/validate/xds/index.ts'
import { STATUS, type AvailabilityStatus, type DmpRegistry } from '../registry.ts'
import { IS_ARCHIVED_URL, toDocumentReference } from './document-reference.ts'
import { fhirError, fhirJson } from './fhir-response.ts'

const STATUS_BY_FHIR: Record<string, AvailabilityStatus> = { current: STATUS.approved, superseded: STATUS.deprecated, 'entered-in-error': STATUS.deleted }

interface PatchOperation {
  readonly op: string
  readonly path: string
  readonly value?: unknown
}

/**
 * Metadata updates (TD3.3 through PDSm): JSON Patch on `/status`, `/securityLabel` (masking,
 * visibility) and the PDSm_IsArchived extension; DELETE unpublishes (Deleted).
 */
export function updateDocumentReference(registry: DmpRegistry, fhirBase: () => string): MockHandler {
  return handlerFor.patch('dmp.update', /^\/DocumentReference\/[^/]+$/, (request) => {
    const id = request.path.split('/')[2] ?? ''
    const document = registry.byEntryUuid(id)
    const meta = { transaction: 'TD3.3', entryUuid: id, ...(document ? { patientIns: document.patient.value, uniqueId: document.uniqueId } : {}) }
    if (!document) return fhirError(404, 'pdsm/update-unknown', `aucune fiche d'identifiant ${id} (l'identifiant change à chaque mise à jour : relire la fiche par ITI-67)`, meta)
    let operations: PatchOperation[]
    try {
      if (!isUtf8(request.body)) throw new Error('le corps n\'est pas encodé en UTF-8 valide (octets invalides)')
      operations = JSON.parse(request.body.toString('utf8')) as PatchOperation[]
      if (!Array.isArray(operations)) throw new Error('un tableau d\'opérations JSON Patch est attendu')
    } catch (error) {
      return fhirError(400, 'pdsm/update-json-patch', `corps JSON Patch invalide : ${(error as Error).message}`, meta)
    }
    let status: AvailabilityStatus | undefined
    let confidentialityCodes: Code[] | undefined
    for (const [index, operation] of operations.entries()) {
      if (!isPatchOperation(operation)) return fhirError(400, 'pdsm/update-json-patch', `opération JSON Patch invalide (n° ${index + 1}, ${Array.isArray(operation) ? 'un tableau' : operation === null ? 'null' : typeof operation}) : un objet avec op et path est attendu (RFC 6902)`, meta)
      if (operation.path === '/status' && typeof operation.value === 'string' && STATUS_BY_FHIR[operation.value]) status = STATUS_BY_FHIR[operation.value]
      else if (operation.path === '/securityLabel' && Array.isArray(operation.value)) confidentialityCodes = operation.value.flatMap(securityLabelCodes)
      else if (operation.path.startsWith('/extension') && isArchivedValue(operation.value) !== undefined) status = isArchivedValue(operation.value) ? STATUS.archived : STATUS.approved
      else return fhirError(400, 'pdsm/update-unsupported', `opération non prise en charge : ${operation.op} ${operation.path} (status, securityLabel, extension PDSm_IsArchived)`, meta)
    }
    const updated = registry.update(document, { ...(status ? { status } : {}), ...(confidentialityCodes ? { confidentialityCodes } : {}) })
    return fhirJson(200, toDocumentReference(updated, fhirBase()), { ...meta, status: updated.status, confidentialityCodes: updated.confidentialityCodes.map((c) => c.code) })
  })
}

/** DELETE [base]/DocumentReference/<id>: unpublish the document (asip Deleted). */
export function deleteDocumentReference(registry: DmpRegistry): MockHandler {
  return handlerFor.delete('dmp.delete', /^\/DocumentReference\/[^/]+$/, (request) => {
    const id = request.path.split('/')[2] ?? ''
    const document = registry.byEntryUuid(id)
    const meta = { transaction: 'TD3.3c', entryUuid: id, ...(document ? { patientIns: document.patient.value, uniqueId: document.uniqueId } : {}) }
    if (!document) return fhirError(404, 'pdsm/update-unknown', `aucune fiche d'identifiant ${id}`, meta)
    registry.update(document, { status: STATUS.deleted })
    return { status: 204, meta: { ...meta, status: STATUS.deleted } }
  })
}

function isPatchOperation(value: unknown): value is PatchOperation {
  return typeof value === 'object' && value !== null && typeof (value as PatchOperation).op === 'string' && typeof (value as PatchOperation).path === 'string'
}

function securityLabelCodes(label: unknown): Code[] {
  const coding = (label as { coding?: { code?: unknown; system?: unknown }[] })?.coding ?? []
  return coding.flatMap((c) => (typeof c.code === 'string' ? [{ code: c.code, ...(typeof c.system === 'string' ? { scheme: c.system } : {}) }] : []))
}

function isArchivedValue(value: unknown): boolean | undefined {
  const extensions = Array.isArray(value) ? value : [value]
  const found = extensions.find((e) => (e as { url?: unknown })?.url === IS_ARCHIVED_URL) as { valueBoolean?: unknown } | undefined
  return typeof found?.valueBoolean === 'boolean' ? found.valueBoolean : undefined
}
