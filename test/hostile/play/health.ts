import type { HttpInput, HttpTarget } from '../corpus/case.ts'
import { HOSTILE_INS, insiEnvelope, iti18Envelope, SOAP_XML } from '../corpus/requests.ts'
import { playHttp, type HttpEndpoint } from './http.ts'

/** One small valid request per HTTP simulator: after every hostile case it must still be answered 200. */
const PROBES: Record<HttpTarget, HttpInput> = {
  'dmp.fhir': { transport: 'http', target: 'dmp.fhir', method: 'GET', path: `/Patient?identifier=urn:oid:1.2.250.1.213.1.4.10|${HOSTILE_INS}` },
  'dmp.xds': { transport: 'http', target: 'dmp.xds', method: 'POST', path: '', headers: [['Content-Type', SOAP_XML]], body: Buffer.from(iti18Envelope()) },
  insi: { transport: 'http', target: 'insi', method: 'POST', path: '', headers: [['Content-Type', SOAP_XML]], body: Buffer.from(insiEnvelope()) },
  psc: { transport: 'http', target: 'psc', method: 'GET', path: '/.well-known/openid-configuration' },
  annuaire: { transport: 'http', target: 'annuaire', method: 'GET', path: '/Practitioner?family=DURAND' },
}

/** Status of the health probe of `target` (200 when the simulator still serves). */
export async function probeHttp(endpoint: HttpEndpoint, target: HttpTarget): Promise<number | 'closed'> {
  return (await playHttp(endpoint, PROBES[target])).status
}
