import { Client } from 'fhir-kit-client'

/** Outcome of a submission to the DMP, as the DUI shows it to the user. */
export type SubmissionOutcome = { readonly ok: true; readonly locations: readonly string[] } | { readonly ok: false; readonly error: string }

export type DmpState = 'active' | 'closed' | 'absent'

/** Talks to the DMP's PDSm (FHIR R4 / IHE MHD) endpoint. */
export class DmpClient {
  readonly #client: Client

  constructor(private readonly fhirBaseUrl: string) {
    this.#client = new Client({ baseUrl: fhirBaseUrl })
  }

  /** TD0.2: does the patient have a DMP, and is it open? */
  async dmpState(ins: { value: string; oid: string }): Promise<DmpState> {
    try {
      const bundle = (await this.#client.search({ resourceType: 'Patient', searchParams: { identifier: `urn:oid:${ins.oid}|${ins.value}` } })) as unknown as fhir4.Bundle<fhir4.Patient>
      const patient = bundle.entry?.[0]?.resource
      return !patient ? 'absent' : patient.active === false ? 'closed' : 'active'
    } catch (error) {
      throw new Error(`vérification du DMP impossible (TD0.2) : ${describe(error)}`)
    }
  }

  /** ITI-65 Provide Document Bundle. */
  async provide(bundle: fhir4.Bundle): Promise<SubmissionOutcome> {
    try {
      const response = (await this.#client.transaction({ body: bundle as never })) as unknown as fhir4.Bundle
      return { ok: true, locations: (response.entry ?? []).map((entry) => entry.response?.location ?? '') }
    } catch (error) {
      return { ok: false, error: describe(error) }
    }
  }

  /** ITI-67: the patient's document references, optionally filtered by status. */
  async findDocuments(ins: { value: string; oid: string }, status: string | undefined): Promise<fhir4.DocumentReference[]> {
    const searchParams: Record<string, string> = { 'patient.identifier': `urn:oid:${ins.oid}|${ins.value}`, ...(status ? { status } : {}) }
    try {
      const bundle = (await this.#client.search({ resourceType: 'DocumentReference', searchParams })) as unknown as fhir4.Bundle<fhir4.DocumentReference>
      return (bundle.entry ?? []).flatMap((entry) => (entry.resource ? [entry.resource] : []))
    } catch (error) {
      throw new Error(`recherche dans le DMP impossible : ${describe(error)}`)
    }
  }

  /** PATCH DocumentReference.securityLabel (masking, visibility): JSON Patch. */
  async setSecurityLabels(entryId: string, codes: readonly string[]): Promise<void> {
    const body = [{ op: 'replace', path: '/securityLabel', value: codes.map((code) => ({ coding: [{ code }] })) }]
    const response = await fetch(`${this.fhirBaseUrl}/DocumentReference/${encodeURIComponent(entryId)}`, { method: 'PATCH', headers: { 'content-type': 'application/json-patch+json' }, body: JSON.stringify(body) })
    if (!response.ok) throw new Error(`le DMP a refusé la mise à jour (HTTP ${response.status}) : ${await response.text()}`)
  }
}

/** Turns a client error into the message the DMP gave (OperationOutcome diagnostics). */
function describe(error: unknown): string {
  const response = (error as { response?: { status?: number; data?: unknown } }).response
  if (!response) return error instanceof Error ? error.message : String(error)
  const data = typeof response.data === 'string' ? safeJson(response.data) : response.data
  const issues = (data as fhir4.OperationOutcome | undefined)?.issue ?? []
  const diagnostics = issues.map((issue) => issue.diagnostics).filter(Boolean).join(' ; ')
  return `le DMP a refusé la requête (HTTP ${response.status ?? '?'})${diagnostics ? ` : ${diagnostics}` : ''}`
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
