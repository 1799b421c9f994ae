import type { HandlerResult, MockHandler } from '../../http/handler.ts'
import type { DmpRegistry } from '../registry.ts'
import { ITI41_ACTION, provideAndRegister } from './provide-and-register.ts'
import { ITI43_ACTION, retrieveDocumentSet } from './retrieve-document-set.ts'
import { ITI18_ACTION, registryStoredQuery } from './stored-query.ts'
import { ITI57_ACTION, updateDocumentSet } from './update-document-set.ts'
import { readSoapRequest, type SoapRequest } from './soap-request.ts'
import type { Issue } from '../../../harness/core/issue.ts'
import { soapFault } from './soap-response.ts'

/** The XDS.b transactions this simulator serves, by SOAP action. */
type Transaction = (soap: SoapRequest, registry: DmpRegistry, transportIssues: readonly Issue[]) => HandlerResult | Promise<HandlerResult>

const TRANSACTIONS: Record<string, { name: string; run: Transaction }> = {
  [ITI41_ACTION]: { name: 'ITI-41', run: provideAndRegister },
  [ITI18_ACTION]: { name: 'ITI-18', run: registryStoredQuery },
  [ITI43_ACTION]: { name: 'ITI-43', run: retrieveDocumentSet },
  [ITI57_ACTION]: { name: 'ITI-57', run: updateDocumentSet },
}

/**
 * One SOAP endpoint (`POST [xds]`) for every XDS.b transaction, dispatched by WS-Addressing
 * Action. A malformed request gets a SOAP Fault that says in French what is wrong.
 */
export function xdsEndpoint(registry: DmpRegistry, extra: Record<string, { name: string; run: Transaction }> = {}): MockHandler {
  const transactions = { ...TRANSACTIONS, ...extra }
  return {
    name: 'dmp.xds',
    method: 'POST',
    path: /^\/?$/,
    async resolve(request) {
      const read = readSoapRequest(request)
      if (!read.ok) {
        // Name the transaction the raw bytes announce, so the scenario waiting for it sees the fault.
        const announced = Object.entries(transactions).find(([action]) => request.body.includes(action))?.[1].name ?? 'XDS'
        return soapFault('Sender', read.issues.map((issue) => issue.message).join(' ; '), { transaction: announced, issues: read.issues, accepted: false })
      }
      try {
        const transaction = read.soap.action ? transactions[read.soap.action] : undefined
        if (!transaction) {
          const known = Object.keys(transactions).join(', ')
          const message = read.soap.action ? `action SOAP « ${read.soap.action} » inconnue de ce service (attendu : ${known})` : `action SOAP absente : l'en-tête wsa:Action est obligatoire (attendu : ${known})`
          return soapFault('Sender', message, { transaction: 'XDS', issues: [{ severity: 'error', code: 'not-supported', rule: 'xds/soap-transport', requirement: 'DMP-008', message, location: { path: 'soap:Header/wsa:Action' } }], accepted: false }, 'wsa:ActionNotSupported')
        }
        return await transaction.run(read.soap, registry, read.issues)
      } finally {
        read.soap.doc.dispose()
      }
    },
  }
}
