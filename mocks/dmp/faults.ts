import { matches, type HandlerResult, type MockHandler } from '../http/handler.ts'
import type { RecordingServer } from '../http/server.ts'
import type { DmpRegistry } from './registry.ts'
import { fhirError } from './pdsm/fhir-response.ts'
import { soapFault } from './xds/soap-response.ts'

/**
 * A misbehaviour a scenario asks of the DMP, to see how the candidate reacts. Transport faults
 * apply to the next requests of one endpoint until the scenario ends (handlers are reset).
 */
export type DmpFault =
  | { readonly kind: 'no-dmp' | 'dmp-closed'; readonly ins: string }
  | { readonly kind: 'http-500' | 'close-connection'; readonly endpoint: 'fhir' | 'xds' }
  | { readonly kind: 'soap-fault' }
  | { readonly kind: 'delay'; readonly endpoint: 'fhir' | 'xds'; readonly ms: number }

export interface FaultTargets {
  readonly registry: DmpRegistry
  readonly fhir: RecordingServer
  readonly xds: RecordingServer
  /** The regular handlers, which a delay still calls once the time has passed. */
  readonly handlers: { readonly fhir: readonly MockHandler[]; readonly xds: readonly MockHandler[] }
}

export function injectFault(fault: DmpFault, targets: FaultTargets): void {
  switch (fault.kind) {
    case 'no-dmp':
      return targets.registry.setDmpState(fault.ins, 'absent')
    case 'dmp-closed':
      return targets.registry.setDmpState(fault.ins, 'closed')
    case 'http-500':
      return targets[fault.endpoint].use(catchAll('dmp.fault.http-500', () => (fault.endpoint === 'fhir' ? fhirError(500, 'dmp/fault', 'erreur interne du DMP (panne simulée)', { fault: fault.kind }) : soapFault('Receiver', 'erreur interne du DMP (panne simulée)', { fault: fault.kind }))))
    case 'soap-fault':
      return targets.xds.use(catchAll('dmp.fault.soap', () => soapFault('Receiver', 'service DMP indisponible (faute SOAP simulée)', { fault: fault.kind })))
    case 'close-connection':
      return targets[fault.endpoint].use(catchAll('dmp.fault.close', () => ({ status: 0, dropConnection: true, meta: { fault: fault.kind } })))
    case 'delay': {
      const regular = targets.handlers[fault.endpoint]
      return targets[fault.endpoint].use({
        name: 'dmp.fault.delay',
        method: '*',
        path: '*',
        resolve: async (request) => {
          await new Promise((resolve) => setTimeout(resolve, fault.ms))
          const handler = regular.find((candidate) => matches(candidate, request))
          const result: HandlerResult = handler ? await handler.resolve(request) : fhirError(404, 'dmp/unknown', 'aucun service')
          return { ...result, meta: { ...result.meta, fault: fault.kind, delayMs: fault.ms } }
        },
      })
    }
  }
}

function catchAll(name: string, resolve: () => HandlerResult): MockHandler {
  return { name, method: '*', path: '*', resolve }
}
