import type { HandlerResult, MockHandler } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { provideAndRegister } from './provide-and-register.ts'
import { ITI41_ACTION } from '../../../harness/validate/xds/iti41-request.ts'
import { ITI43_ACTION, retrieveDocumentSet } from './retrieve-document-set.ts'
import { ITI18_ACTION, registryStoredQuery } from './stored-query.ts'
import { ITI57_ACTION, updateDocumentSet } from './update-document-set.ts'
import { readSoapRequest, type SoapRequest } from '../../../harness/validate/xds/soap-request.ts'
import type { Issue } from '../../../harness/core/issue.ts'
import type { CdaValidationOptions } from '../../../harness/validate/cda/index.ts'
import { soapFault } from './soap-response.ts'

/** The XDS.b transactions this simulator serves, by SOAP action. */
type Transaction = (soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[], cda: CdaValidationOptions) => HandlerResult | Promise<HandlerResult>

const TRANSACTIONS: Record<string, { name: string; run: Transaction }> = {
  [ITI41_ACTION]: { name: 'ITI-41', run: provideAndRegister },
  [ITI18_ACTION]: { name: 'ITI-18', run: registryStoredQuery },
  [ITI43_ACTION]: { name: 'ITI-43', run: retrieveDocumentSet },
  [ITI57_ACTION]: { name: 'ITI-57', run: updateDocumentSet },
}

/**
 * One SOAP endpoint (`POST [xds]`) for every XDS.b transaction, dispatched by WS-Addressing
 * Action. A malformed request gets a SOAP Fault that says in French what is wrong. `cda` says how
 * the documents of an ITI-41 are validated.
 */
export function xdsEndpoint(registry: DmpRegistry, cda: CdaValidationOptions = {}): MockHandler {
  return {
    name: 'dmp.xds',
    method: 'POST',
    path: /^\/?$/,
    async resolve(request) {
      const read = readSoapRequest(String(request.headers['content-type'] ?? ''), request.body)
      if (!read.ok) {
        // Name the transaction the raw bytes announce, so the scenario waiting for it sees the fault.
        const announced = Object.entries(TRANSACTIONS).find(([action]) => request.body.includes(action))?.[1].name ?? 'XDS'
        return soapFault('Sender', read.issues.map((issue) => issue.message).join(' ; '), { transaction: announced, issues: read.issues, accepted: false })
      }
      try {
        const transaction = read.soap.action ? TRANSACTIONS[read.soap.action] : undefined
        if (!transaction) {
          const known = Object.keys(TRANSACTIONS).join(', ')
          const message = read.soap.action ? `action SOAP « ${read.soap.action} » inconnue de ce service (attendu : ${known})` : `action SOAP absente : l'en-tête wsa:Action est obligatoire (attendu : ${known})`
          return soapFault('Sender', message, { transaction: 'XDS', issues: [{ severity: 'error', code: 'not-supported', rule: 'xds/soap-transport', requirement: 'DMP-008', message, location: { path: 'soap:Header/wsa:Action' } }], accepted: false }, 'wsa:ActionNotSupported')
        }
        return await transaction.run(read.soap, registry, read.issues, cda)
      } finally {
        read.soap.doc.dispose()
      }
    },
  }
}
